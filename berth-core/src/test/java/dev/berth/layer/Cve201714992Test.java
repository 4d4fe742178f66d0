package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2017-14992: Docker decompressed a gzip bomb in a layer without bound. Berth stops at a limit on
 * uncompressed bytes, wherever they are: in a file, or as zeros after the end of the archive.
 */
class Cve201714992Test {

    private static final long LIMIT = 8L << 20;

    @TempDir
    Path temp;

    @Test
    void hugeFileInATinyGzipIsRefused() throws IOException {
        Sandbox box = new Sandbox(temp);
        byte[] bomb = gzipped(out -> {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = TarBuilder.entry("zeros", TarConstants.LF_NORMAL);
            entry.setSize(64L << 20);
            tar.putArchiveEntry(entry);
            writeZeros(tar, 64L << 20);
            tar.closeArchiveEntry();
            tar.finish();
        });
        assertThat(bomb.length).isLessThan(200_000);

        assertThatThrownBy(() -> box.extract(bomb, ExtractOptions.defaults(true).withMaxUncompressedBytes(LIMIT)))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry zeros: more than 8388608 uncompressed bytes (decompression bomb?)");
        box.assertOutsideUntouched();
    }

    @Test
    void endlessZerosAfterTheEndOfArchiveAreRefused() throws IOException {
        Sandbox box = new Sandbox(temp);
        byte[] bomb = gzipped(out -> writeZeros(out, 64L << 20));

        assertThatThrownBy(() -> box.extract(bomb, ExtractOptions.defaults(true).withMaxUncompressedBytes(LIMIT)))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry (start): more than 8388608 uncompressed bytes (decompression bomb?)");
    }

    @Test
    void layerJustUnderTheLimitIsAccepted() throws IOException {
        Sandbox box = new Sandbox(temp);
        byte[] layer = gzipped(out -> out.write(new TarBuilder().file("a", "b").build()));

        ExtractResult result = box.extract(layer, ExtractOptions.defaults(true).withMaxUncompressedBytes(2048));

        assertThat(result.uncompressedSize()).isEqualTo(2048);
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] gzipped(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            body.write(gzip);
        }
        return bytes.toByteArray();
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long written = 0; written < count; written += zeros.length) {
            out.write(zeros);
        }
    }
}
