package dev.berth.layer;

import dev.berth.image.Compression;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recompression keeps the diffID, in every direction, and gives the blob digest of its output. */
class LayerConverterTest {

    @ParameterizedTest
    @CsvSource({"NONE,GZIP", "ZSTD,GZIP", "GZIP,ZSTD", "ZSTD,NONE", "GZIP,GZIP"})
    void conversionKeepsTheDiffId(Compression from, Compression to) {
        Instant t = Instant.parse("2023-03-03T03:03:03Z");
        List<LayerEntry> entries = List.of(
                LayerEntry.file("a", 0644, t, ParallelGzipOutputStreamTest.mixed(300_000)),
                LayerEntry.file("b", 0644, t, "bee".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        LayerDigests original = LayerWriter.of(from, Optional.empty()).write(entries, source);
        ByteArrayOutputStream converted = new ByteArrayOutputStream();

        LayerDigests result = LayerConverter.to(to)
                .convert(new ByteArrayInputStream(source.toByteArray()), original.diffId(), converted);

        assertThat(result.diffId()).isEqualTo(original.diffId());
        assertThat(result.blobDigest()).isEqualTo(Digest.sha256(converted.toByteArray()));
        assertThat(CompressionStreams.detect(converted.toByteArray(), converted.size())).isEqualTo(to);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        assertThat(LayerWriter.of(to, Optional.empty()).write(entries, direct).blobDigest())
                .as("converting gives the same blob as writing in that compression directly")
                .isEqualTo(result.blobDigest());
    }
}
