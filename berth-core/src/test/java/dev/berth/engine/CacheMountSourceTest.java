package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import dev.berth.image.Digest;
import dev.berth.sandbox.HostMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression (issue 4): a cache mount's {@code source=} is a directory inside the cache, never where a link that
 * an earlier step planted in the cache points (a link to the host's {@code /etc} bound read-write).
 */
class CacheMountSourceTest {

    @TempDir
    Path directory;

    @TempDir
    Path outside;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            source=etc            | cache mount source "etc" passes through the symlink etc in the cache
            source=etc/ssl        | cache mount source "etc/ssl" passes through the symlink etc in the cache
            source=./out/         | cache mount source "./out/" passes through the symlink out in the cache
            source=dir/out        | cache mount source "dir/out" passes through the symlink dir/out in the cache
            source=dir/../out/new | cache mount source "dir/../out/new" passes through the symlink out in the cache
            source=dangling/x     | cache mount source "dangling/x" passes through the symlink dangling in the cache
            source=relative       | cache mount source "relative" passes through the symlink relative in the cache
            source=file           | cache mount source "file" is not a directory in the cache
            """)
    void aLinkPlantedInTheCacheIsRefusedAndNothingRuns(String flag, String message) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            Path cache = plantedCache(fixture);

            assertThatThrownBy(() -> fixture.build("FROM scratch\nRUN --mount=type=cache,target=/c," + flag + " make\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(fixture.context + "/Dockerfile:2: " + message);
            assertThat(fixture.runs.invocations).isEmpty();
            assertThat(outside.resolve("new")).doesNotExist();
            assertThat(outside.resolve("x")).doesNotExist();
            assertThat(cache.resolve("dir/out")).isSymbolicLink();
        }
    }

    @Test
    void aSourceIsMadeAsDirectoriesInsideTheCacheAndBoundAtItsRealPath() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            Path cache = plantedCache(fixture);

            fixture.build("FROM scratch\nRUN --mount=type=cache,target=/c,source=/dir/./new/deeper/.. make\n");

            assertThat(fixture.runs.invocations).hasSize(1);
            assertThat(fixture.runs.invocations.getFirst().mounts().getFirst())
                    .isEqualTo(HostMount.bind(cache.toRealPath().resolve("dir/new"), "/c", false));
            assertThat(cache.resolve("dir/new")).isDirectory();
            assertThat(cache.resolve("dir/new/deeper")).doesNotExist();
        }
    }

    /** The cache of target {@code /c} as a step that ran {@code ln -s} in it would leave it. */
    private Path plantedCache(BuildFixture fixture) throws IOException {
        Path cache = Files.createDirectories(fixture.store.paths().cache().resolve("mounts")
                .resolve(Digest.sha256("/c".getBytes(StandardCharsets.UTF_8)).hex()));
        Files.createSymbolicLink(cache.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(cache.resolve("out"), outside);
        Files.createDirectory(cache.resolve("dir"));
        Files.createSymbolicLink(cache.resolve("dir/out"), outside);
        Files.createSymbolicLink(cache.resolve("dangling"), outside.resolve("missing"));
        Files.createSymbolicLink(cache.resolve("relative"), Path.of("dir"));
        Files.writeString(cache.resolve("file"), "f");
        return cache;
    }
}
