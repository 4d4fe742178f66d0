package dev.berth.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Formats the header records of one tar entry (its PAX extended header first, when it needs one) as
 * Commons Compress writes them with POSIX long names, POSIX big numbers and PAX for non-ASCII names.
 * Only headers go through Commons Compress: its stream cuts content into 512-byte writes, which cost
 * as much as hashing it, so {@link LayerWriter} writes content and padding itself.
 */
final class TarHeaders {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream(1024);

    /** The header bytes of {@code entry}, a multiple of 512 long. */
    byte[] format(TarArchiveEntry entry) throws IOException {
        captured.reset();
        // A fresh stream per entry: one whose entry content was never written cannot take the next entry.
        // Nothing a header holds depends on earlier entries, so the bytes equal one long stream's.
        TarArchiveOutputStream tar = new TarArchiveOutputStream(captured, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        tar.putArchiveEntry(entry);
        return captured.toByteArray();
    }
}
