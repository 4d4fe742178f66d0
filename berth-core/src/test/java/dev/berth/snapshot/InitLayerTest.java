package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitLayerTest {

    @TempDir
    Path work;

    @Test
    void makesOnlyWhatTheImageLacksAndSkipsPathsThroughItsSymlinks() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Files.createDirectories(image.resolve("proc"));
        Files.createSymbolicLink(image.resolve("etc"), Path.of("/host-etc"));
        Path init = Files.createDirectories(work.resolve("init"));

        List<String> made = InitLayer.dockerDefaults().withMountPoint("/root/.cache/go", false)
                .withMountPoint("/run/secrets/token", true)
                .createIn(init, new LowerLookup(List.of(image)));

        assertThat(made).containsExactly("dev", "root", "root/.cache", "root/.cache/go", "sys", "run", "run/secrets",
                "run/secrets/token");
        assertThat(init.resolve("proc")).doesNotExist();
        assertThat(init.resolve("etc")).doesNotExist();
        assertThat(init.resolve("run/secrets/token")).isRegularFile();
    }

    @Test
    void aParentTheImageHasKeepsItsModeAndTime() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Path etc = Files.createDirectories(image.resolve("etc"));
        Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwx--x---"));
        Files.setLastModifiedTime(etc, FileTime.fromMillis(1_000_000));
        Path init = Files.createDirectories(work.resolve("init"));

        new InitLayer(new java.util.TreeSet<>(), new java.util.TreeSet<>(List.of("etc/hosts")))
                .createIn(init, new LowerLookup(List.of(image)));

        assertThat(Files.getPosixFilePermissions(init.resolve("etc"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(PosixFilePermissions.fromString("rwx--x---"));
        assertThat(Files.getLastModifiedTime(init.resolve("etc"))).isEqualTo(FileTime.fromMillis(1_000_000));
    }

    @Test
    void pathsMustBeCleanAndRelative() {
        assertThatThrownBy(() -> new InitLayer(new java.util.TreeSet<>(List.of("../etc")), new java.util.TreeSet<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("init layer path must be clean and relative: ../etc");
        assertThat(InitLayer.dockerDefaults().withMountPoint("/a/../b/./c", false).directories()).contains("b/c");
    }
}
