package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Compression;
import dev.berth.image.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LayerWriter#writeUnhashedTar}: the same bytes as {@link LayerWriter#write}, only not hashed. */
class LayerWriterUnhashedTarTest {

    private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

    private static List<LayerEntry> entries() {
        return List.of(LayerEntry.directory("app", 0755, T),
                LayerEntry.file("app/a", 0644, T, "alpha".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.symlink("app/b", "a", T));
    }

    @Test
    void writesTheBytesTheHashingWriterWrites() {
        LayerWriter writer = new LayerWriter(Compression.NONE, 0, 1, Optional.empty());
        ByteArrayOutputStream hashed = new ByteArrayOutputStream();
        LayerDigests digests = writer.write(entries(), hashed);
        ByteArrayOutputStream unhashed = new ByteArrayOutputStream();
        long size = writer.writeUnhashedTar(entries().iterator(), unhashed);
        assertThat(unhashed.toByteArray()).isEqualTo(hashed.toByteArray());
        assertThat(size).isEqualTo(digests.blobSize()).isEqualTo(unhashed.size());
        assertThat(Digest.sha256(unhashed.toByteArray())).isEqualTo(digests.diffId());
    }

    @Test
    void refusesToCompress() {
        LayerWriter writer = new LayerWriter(Compression.GZIP, 6, 1, Optional.empty());
        assertThatThrownBy(() -> writer.writeUnhashedTar(entries().iterator(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an unhashed tar is uncompressed; this writer compresses with GZIP");
    }
}
