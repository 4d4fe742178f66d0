package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.sandbox.RunBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CVE-2024-21626: runc up to 1.1.11 leaked a host directory as a file descriptor, so a working directory of
 * {@code /proc/self/fd/7} (written directly, or reached through a symlink in the image) started the process in
 * the host's file system. The runc here (1.1.5) is affected, so Berth refuses any working directory that
 * resolves into {@code /proc} before the runtime sees it.
 */
class Cve202421626Test {

    @TempDir
    Path rootfs;

    @ParameterizedTest(name = "{0} resolves to {1}")
    @CsvSource({
        "/proc/self/fd/7, /proc/self/fd/7",
        "/proc, /proc",
        "/tmp/../proc/self/fd/8, /proc/self/fd/8",
        "/../../proc/self/cwd, /proc/self/cwd",
        "/work, /proc/self/fd/7",
        "/relative, /proc/self/fd/9",
        "/chain/x, /proc/1/fd/3/x",
    })
    void aWorkingDirectoryInsideProcIsRefused(String requested, String resolved) throws IOException {
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.createSymbolicLink(rootfs.resolve("work"), Path.of("/proc/self/fd/7"));
        Files.createSymbolicLink(rootfs.resolve("relative"), Path.of("../../../proc/self/fd/9"));
        Files.createSymbolicLink(rootfs.resolve("chain"), Path.of("hop"));
        Files.createSymbolicLink(rootfs.resolve("hop"), Path.of("/proc/1/fd/3"));

        assertThatThrownBy(() -> RunBundle.workingDirectory(rootfs, requested))
                .isInstanceOf(ExecutionException.class)
                .hasMessage("RUN: working directory " + requested + " resolves to " + resolved
                        + ", inside the runtime's /proc: refused, as it could reach the host (CVE-2024-21626)");
    }

    @ParameterizedTest
    @CsvSource({"/app, /app", "/srv/../app/x, /app/x", "/link, /app", "/procfile, /procfile"})
    void anOrdinaryWorkingDirectoryIsResolvedInsideTheRootAndMade(String requested, String resolved) throws IOException {
        Files.createSymbolicLink(rootfs.resolve("link"), Path.of("/../app"));

        assertThat(RunBundle.workingDirectory(rootfs, requested)).isEqualTo(resolved);
        assertThat(rootfs.resolve(resolved.substring(1))).isDirectory();
    }
}
