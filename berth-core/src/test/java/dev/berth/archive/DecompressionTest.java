package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.CompressedBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code load} and {@code import} read what Docker's DecompressStream reads, and pass anything else through. */
class DecompressionTest {

    private static final byte[] DATA = "an archive, or not\n".repeat(50).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain, true", "gzip, true", "bzip2, true", "xz, true", "zstd, true", "deflate, false"})
    void eachCompressionDockerReadsIsUndone(String compression, boolean undone) throws IOException {
        byte[] compressed = CompressedBytes.of(compression, DATA);

        try (InputStream in = Decompression.open(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(undone ? DATA : compressed);
        }
    }
}
