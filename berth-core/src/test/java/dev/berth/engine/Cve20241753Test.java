package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.MountSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * CVE-2024-1753 (Buildah): {@code RUN --mount=type=bind,from=IMAGE,source=link} where the image holds
 * {@code link -> /} bound the host's root into the build container, because the source was resolved on the
 * host. Berth refuses a bind source whose path passes through any symlink.
 */
class Cve20241753Test {

    @TempDir
    Path work;

    Path image;

    @BeforeEach
    void plantLinksInAnImage() throws IOException {
        image = Files.createDirectories(work.resolve("snapshot/fs"));
        Files.createDirectories(image.resolve("data"));
        Files.createSymbolicLink(image.resolve("root-link"), Path.of("/"));
        Files.createSymbolicLink(image.resolve("etc-link"), Path.of("/etc"));
        Files.createSymbolicLink(image.resolve("climb"), Path.of("../../../../../../.."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root-link", "etc-link", "climb", "root-link/etc", "climb/etc/passwd", "data/../root-link"})
    void aSourceThroughASymlinkIsRefused(String source) {
        HostMount mount = HostMount.bind(image.resolve(source), "/mnt", true);

        assertThatThrownBy(() -> RunBundle.stepMounts(List.of(mount)))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("RUN: mount source " + image.resolve(source).normalize() + " for /mnt passes through a symlink")
                .hasMessageEndingWith("(CVE-2024-1753)");
    }

    @Test
    void aPlainDirectoryIsBoundAsItIs() {
        List<MountSpec> specs = RunBundle.stepMounts(List.of(HostMount.bind(image.resolve("data"), "/mnt", true),
                HostMount.tmpfs("/scratch")));

        assertThat(specs).containsExactly(MountSpec.bind(image.resolve("data"), "/mnt", true),
                new MountSpec("/scratch", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "mode=1777")));
    }
}
