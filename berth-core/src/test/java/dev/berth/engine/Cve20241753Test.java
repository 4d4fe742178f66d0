package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.MountSpec;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.RunBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CVE-2024-1753 (Buildah): {@code RUN --mount=type=bind,from=IMAGE,source=link} where the image holds
 * {@code link -> /} bound the host's root into the build container, because the source was resolved on the
 * host. Berth resolves a bind source inside the image's (or stage's, or context's) own root, links read as
 * the container would read them, and then refuses any host path that still passes through a symlink.
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

    @ParameterizedTest
    @ValueSource(strings = {"root-link", "climb", "data/../root-link", "/", "root-link/root-link"})
    void aLinkInAnImageResolvesToTheImagesRootOnTheRealMountPath(String source) throws IOException {
        try (BuildFixture fixture = plantedImage()) {
            fixture.build("FROM scratch\nRUN --mount=type=bind,from=planted,source=" + source + ",target=/m make\n");

            HostMount mount = fixture.runs.invocations.getFirst().mounts().getFirst();
            Path bound = mount.source().orElseThrow();
            assertThat(bound.getParent().getFileName().toString()).isEqualTo("rootfs");
            assertThat(bound.getFileName().toString()).startsWith("image-");
            assertThat(bound.startsWith(fixture.store.paths().root().toRealPath())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"etc-link", "root-link/etc", "climb/etc/passwd", "etc-link/passwd"})
    void aLinkInAnImageToAHostPathFindsNothingOnTheRealMountPath(String source) throws IOException {
        try (BuildFixture fixture = plantedImage()) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nRUN --mount=type=bind,from=planted,source=" + source
                    + ",target=/m make\n"))
                    .isInstanceOf(dev.berth.error.InvalidInputException.class)
                    .hasMessageEndingWith("Dockerfile:2: mount source \"" + source + "\" not found in image planted");
            assertThat(fixture.runs.invocations).isEmpty();
        }
    }

    private BuildFixture plantedImage() throws IOException {
        BuildFixture fixture = new BuildFixture(work.resolve("build"));
        java.time.Instant time = java.time.Instant.EPOCH;
        fixture.baseImage("planted", List.of(dev.berth.layer.LayerEntry.symlink("climb", "../../../../../../..", time),
                dev.berth.layer.LayerEntry.directory("data", 0755, time),
                dev.berth.layer.LayerEntry.symlink("etc-link", "/etc", time),
                dev.berth.layer.LayerEntry.symlink("root-link", "/", time)), config -> config);
        return fixture;
    }

    @Test
    void aPlainDirectoryIsBoundAsItIs() {
        List<MountSpec> specs = RunBundle.stepMounts(List.of(HostMount.bind(image.resolve("data"), "/mnt", true),
                HostMount.tmpfs("/scratch")));

        assertThat(specs).containsExactly(MountSpec.bind(image.resolve("data"), "/mnt", true),
                new MountSpec("/scratch", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "mode=1777")));
    }
}
