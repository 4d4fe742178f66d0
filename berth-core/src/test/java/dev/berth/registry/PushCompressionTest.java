package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Compression;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PushCompressionTest {

    static final Optional<Compression> NO_FORMAT = Optional.empty();

    static Stream<Arguments> converts() {
        return Stream.of(
                // Without a format only uncompressed layers are compressed (with gzip), as before the options.
                Arguments.of(NO_FORMAT, Compression.NONE, true, Compression.GZIP, 6),
                Arguments.of(NO_FORMAT, Compression.GZIP, false, Compression.GZIP, 6),
                Arguments.of(NO_FORMAT, Compression.ZSTD, false, Compression.GZIP, 6),
                Arguments.of(Optional.of(Compression.ZSTD), Compression.NONE, true, Compression.ZSTD, 3),
                Arguments.of(Optional.of(Compression.ZSTD), Compression.GZIP, true, Compression.ZSTD, 3),
                Arguments.of(Optional.of(Compression.ZSTD), Compression.ZSTD, false, Compression.ZSTD, 3),
                Arguments.of(Optional.of(Compression.GZIP), Compression.ZSTD, true, Compression.GZIP, 6));
    }

    @ParameterizedTest
    @MethodSource
    void converts(Optional<Compression> format, Compression stored, boolean converted, Compression target, int level) {
        PushCompression compression = new PushCompression(format, Optional.empty());
        assertThat(compression.converts(stored)).isEqualTo(converted);
        assertThat(compression.target()).isEqualTo(target);
        assertThat(compression.effectiveLevel()).isEqualTo(level);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Optional.of(Compression.NONE), Optional.empty(), "gzip or zstd"),
                Arguments.of(NO_FORMAT, Optional.of(10), "--compression-level 10: gzip levels are 0 to 9"),
                Arguments.of(Optional.of(Compression.GZIP), Optional.of(-1), "--compression-level -1: gzip levels are 0 to 9"),
                Arguments.of(Optional.of(Compression.ZSTD), Optional.of(0), "--compression-level 0: zstd levels are 1 to 22"),
                Arguments.of(Optional.of(Compression.ZSTD), Optional.of(23), "--compression-level 23: zstd levels are 1 to 22"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(Optional<Compression> format, Optional<Integer> level, String message) {
        assertThatThrownBy(() -> new PushCompression(format, level)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(Arguments.of(Optional.of(Compression.ZSTD), 22), Arguments.of(Optional.of(Compression.ZSTD), 1),
                Arguments.of(NO_FORMAT, 0), Arguments.of(Optional.of(Compression.GZIP), 9));
    }

    @ParameterizedTest
    @MethodSource
    void accepted(Optional<Compression> format, int level) {
        assertThat(new PushCompression(format, Optional.of(level)).effectiveLevel()).isEqualTo(level);
    }
}
