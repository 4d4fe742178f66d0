package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.deflate.DeflateCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code load} and {@code import} read what Docker's DecompressStream reads, and pass anything else through. */
class DecompressionTest {

    private static final byte[] DATA = "an archive, or not\n".repeat(50).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain, true", "gzip, true", "bzip2, true", "xz, true", "zstd, true", "deflate, false"})
    void eachCompressionDockerReadsIsUndone(String compression, boolean undone) throws IOException {
        byte[] compressed = compress(compression);

        try (InputStream in = Decompression.open(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(undone ? DATA : compressed);
        }
    }

    private static byte[] compress(String compression) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (compression) {
            case "plain" -> bytes;
            case "gzip" -> new GzipCompressorOutputStream(bytes);
            case "bzip2" -> new BZip2CompressorOutputStream(bytes);
            case "xz" -> new XZCompressorOutputStream(bytes);
            case "zstd" -> new ZstdCompressorOutputStream(bytes);
            case "deflate" -> new DeflateCompressorOutputStream(bytes);
            default -> throw new IllegalArgumentException(compression);
        }) {
            out.write(DATA);
        }
        return bytes.toByteArray();
    }
}
