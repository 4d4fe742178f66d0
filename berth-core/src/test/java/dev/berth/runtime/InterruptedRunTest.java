package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.ExecutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: an interrupt while {@code runc run} was going left the runtime running, free to start a
 * container after the caller had deleted its record. A shell script stands in for runc.
 */
class InterruptedRunTest {

    @TempDir
    Path dir;

    @Test
    void interruptKillsTheRuntimeThenRethrowsWithTheFlagSet() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path fake = dir.resolve("fake-runc");
        // exec keeps the pid: the process the driver started is the one that sleeps.
        Files.writeString(fake, "#!/bin/sh\necho $$ > " + pidFile + ".tmp && mv " + pidFile + ".tmp " + pidFile
                + "\nexec sleep 300\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        var runtime = new RuncRuntime(fake, dir.resolve("state"), "fake");

        var outcome = new CompletableFuture<String>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                runtime.run(dir, "c1", Stdio.discard());
                outcome.complete("returned");
            } catch (ExecutionException e) {
                outcome.complete("threw " + e.getMessage() + "; interrupted=" + Thread.currentThread().isInterrupted());
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        caller.interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS))
                .isEqualTo("threw running container c1: interrupted while waiting for runc; interrupted=true");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(java.util.Optional.empty(),
                java.util.Optional.of(false));
        caller.join();
    }
}
