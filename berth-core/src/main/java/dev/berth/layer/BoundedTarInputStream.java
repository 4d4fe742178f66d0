package dev.berth.layer;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * A tar reader for untrusted archives that refuses, before reading them, PAX extended headers
 * ({@code x}, {@code g}) and GNU long names and link names ({@code L}, {@code K}) larger than
 * {@link #MAX_EXTENDED_HEADER_BYTES}. Commons Compress reads those whole into memory to build the next
 * entry, bounded only by the size the header claims (up to 8 GiB). Honest archives need a few KiB:
 * a path is at most 4096 bytes, and xattrs are small.
 */
public final class BoundedTarInputStream extends TarArchiveInputStream {

    /** 1 MiB: far beyond any path or xattr set, far below what would hurt. */
    public static final long MAX_EXTENDED_HEADER_BYTES = 1 << 20;

    private static final int TYPE_FLAG_OFFSET = 156;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;

    /** Reads {@code in} with UTF-8 names. */
    public BoundedTarInputStream(InputStream in) {
        super(in, "UTF-8");
    }

    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record != null && record.length > TYPE_FLAG_OFFSET && isExtendedHeader(record[TYPE_FLAG_OFFSET])) {
            long size;
            try {
                size = TarUtils.parseOctalOrBinary(record, SIZE_OFFSET, SIZE_LENGTH);
            } catch (IllegalArgumentException malformed) {
                return record; // the header parser reports it, in its own words
            }
            checkExtendedHeader(record[TYPE_FLAG_OFFSET], size);
        }
        return record;
    }

    /** A header larger than {@link #MAX_EXTENDED_HEADER_BYTES}: the archive is a tar, and a hostile one. */
    public static final class OversizedHeaderException extends IOException {

        private static final long serialVersionUID = 1L;

        OversizedHeaderException(String message) {
            super(message);
        }
    }

    /** Refuses an extended header of {@code type} larger than {@link #MAX_EXTENDED_HEADER_BYTES}, before it is read. */
    static void checkExtendedHeader(byte type, long size) throws OversizedHeaderException {
        if (size > MAX_EXTENDED_HEADER_BYTES) {
            throw new OversizedHeaderException("extended header (type " + (char) type + ") of " + size
                    + " bytes, more than the " + MAX_EXTENDED_HEADER_BYTES + " allowed");
        }
    }

    static boolean isExtendedHeader(byte type) {
        return type == TarConstants.LF_PAX_EXTENDED_HEADER_LC || type == TarConstants.LF_PAX_EXTENDED_HEADER_UC
                || type == TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER
                || type == TarConstants.LF_GNUTYPE_LONGNAME || type == TarConstants.LF_GNUTYPE_LONGLINK;
    }
}
