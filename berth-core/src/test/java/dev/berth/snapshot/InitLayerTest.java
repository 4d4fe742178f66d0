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
    void makesOnlyWhatTheImageLacksAndFollowsItsSymlinksInsideTheRoot() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Files.createDirectories(image.resolve("proc"));
        Files.createSymbolicLink(image.resolve("etc"), Path.of("/host-etc"));
        Path init = Files.createDirectories(work.resolve("init"));

        List<String> made = InitLayer.dockerDefaults().withMountPoint("/root/.cache/go", false)
                .withMountPoint("/run/secrets/token", true)
                .createIn(init, new LowerLookup(List.of(image)));

        assertThat(made).containsExactly("dev", "root", "root/.cache", "root/.cache/go", "sys", "host-etc",
                "host-etc/hostname", "host-etc/hosts", "host-etc/resolv.conf", "run", "run/secrets", "run/secrets/token");
        assertThat(init.resolve("proc")).doesNotExist();
        assertThat(init.resolve("etc")).as("the link stays the image's; its target gets the mount points").doesNotExist();
        assertThat(init.resolve("run/secrets/token")).isRegularFile();
    }

    /** Regression: a cache or secret target behind an image's link was made by runc in the writable layer. */
    @Test
    void aMountPointBehindALinkIsMadeWhereTheLinkLeadsAndNeverOutsideTheRoot() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Files.createDirectories(image.resolve("run"));
        Files.createDirectories(image.resolve("var"));
        Files.createSymbolicLink(image.resolve("var/run"), Path.of("../run"));
        Files.createSymbolicLink(image.resolve("climb"), Path.of("../../../../tmp"));
        Files.createSymbolicLink(image.resolve("loop"), Path.of("loop"));
        Path init = Files.createDirectories(work.resolve("init"));

        List<String> made = new InitLayer(new java.util.TreeSet<>(List.of("var/run/cache", "climb/c", "loop/x")),
                new java.util.TreeSet<>(List.of("var/run/secrets/token")))
                .createIn(init, new LowerLookup(List.of(image)));

        assertThat(made).containsExactly("tmp", "tmp/c", "run/cache", "run/secrets", "run/secrets/token");
        assertThat(init.resolve("run/secrets/token")).isRegularFile();
        assertThat(init.resolve("var")).doesNotExist();
        assertThat(init.resolve("loop")).as("a link loop is left to the runtime, which refuses it").doesNotExist();
    }

    /** Regression (found by InitLayerProperties): two mounts at one place failed with FileAlreadyExistsException. */
    @Test
    void twoMountsAtOnePlaceShareItsMountPoint() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Files.createDirectories(image.resolve("var"));
        Files.createSymbolicLink(image.resolve("var/run"), Path.of("/run"));
        Path init = Files.createDirectories(work.resolve("init"));

        List<String> made = new InitLayer(new java.util.TreeSet<>(List.of("b", "run/x", "var/run/x")),
                new java.util.TreeSet<>(List.of("b"))).createIn(init, new LowerLookup(List.of(image)));

        assertThat(made).containsExactly("b", "run", "run/x");
        assertThat(init.resolve("b")).isDirectory();
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
