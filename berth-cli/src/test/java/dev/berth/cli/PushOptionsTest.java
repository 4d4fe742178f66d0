package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code push}'s compression options refused before anything is read or sent. */
class PushOptionsTest {

    @TempDir
    Path root;

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(new String[] {"--compression-format", "brotli"}, "unsupported compression format \"brotli\": use gzip or zstd"),
                Arguments.of(new String[] {"--compression-format", "zstd", "--compression-level", "30"},
                        "--compression-level 30: zstd levels are 1 to 22"),
                Arguments.of(new String[] {"--compression-level", "12"}, "--compression-level 12: gzip levels are 0 to 9"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String[] options, String message) {
        String[] args = Stream.concat(Stream.of("push", "--root", root.toString()),
                Stream.concat(Stream.of(options), Stream.of("127.0.0.1:1/app:1"))).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }
}
