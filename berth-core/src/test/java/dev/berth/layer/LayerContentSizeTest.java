package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Docker's layer size (overlay2's diff directory: files and symlinks, each inode once), from the tar. */
class LayerContentSizeTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("empty layer", new TarBuilder(), 0),
                Arguments.of("a file counts its bytes", new TarBuilder().file("a", "12345"), 5),
                Arguments.of("directories count nothing", new TarBuilder().dir("d/").file("d/a", "123"), 3),
                Arguments.of("a symlink counts its target", new TarBuilder().symlink("l", "../target"), 9),
                Arguments.of("a hardlink adds nothing", new TarBuilder().file("a", "1234").hardlink("b", "a"), 4),
                Arguments.of("whiteouts count nothing", new TarBuilder().file(".wh.gone", "").file("d/.wh..wh..opq", ""), 0),
                Arguments.of("a name twice counts its last entry", new TarBuilder().file("a", "1234567").file("./a", "12"), 2),
                Arguments.of("padding and headers count nothing", new TarBuilder().file("x", "y".repeat(513)), 513));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void countsWhatDockerCounts(String name, TarBuilder tar, long expected) {
        assertThat(LayerContentSize.of("l", new ByteArrayInputStream(tar.build()))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void readsEveryCompression(Compression compression) throws IOException {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (OutputStream out = CompressionStreams.compressing(compression, blob)) {
            out.write(new TarBuilder().file("a", "hello").symlink("b", "a").build());
        }
        assertThat(LayerContentSize.of("l", new ByteArrayInputStream(blob.toByteArray()))).isEqualTo(6);
    }

    @Test
    void aHostileNameIsAStoreError() {
        assertThatThrownBy(() -> LayerContentSize.of("sha256:ab", new ByteArrayInputStream(
                new TarBuilder().file("../x", "1").build())))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:ab: entry ../x: path escapes the root");
    }
}
