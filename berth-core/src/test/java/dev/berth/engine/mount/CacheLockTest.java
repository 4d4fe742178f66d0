package dev.berth.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.plan.RunMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regressions (issue 4): prune in another process passes by a cache that a {@code sharing=shared} step uses, and
 * a step interrupted while waiting for a cache leaves no lock held and no file open.
 */
class CacheLockTest {

    @TempDir
    Path directory;

    @Test
    void pruneInAnotherProcessLeavesASharedCacheInUse() throws Exception {
        CacheMounts caches = new CacheMounts(directory);
        try (var used = caches.acquire("go", RunMount.Sharing.SHARED, dir -> Files.writeString(dir.resolve("f"), "f"))) {
            assertThat(pruneInAnotherProcess()).isEqualTo("0");
            assertThat(used.directory().resolve("f")).hasContent("f");
        }
        assertThat(pruneInAnotherProcess()).isEqualTo("1");
        assertThat(caches.directoryOf("go")).doesNotExist();
    }

    @Test
    void aCachePrunedBeforeItsLockWasTakenIsMadeAgain() throws IOException {
        CacheMounts caches = new CacheMounts(directory);
        try (var first = caches.acquire("go", RunMount.Sharing.SHARED, dir -> { })) {
            assertThat(first.directory()).isDirectory();
        }
        caches.prune();
        try (var again = caches.acquire("go", RunMount.Sharing.SHARED, dir -> Files.writeString(dir.resolve("s"), "s"))) {
            assertThat(again.directory().resolve("s")).hasContent("s");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RunMount.Sharing.class, names = {"SHARED", "LOCKED"})
    void anInterruptWhileWaitingLeavesNothingHeld(RunMount.Sharing sharing) throws Exception {
        // Two engines in one JVM meet only at the file lock, where the waiter polls and can be interrupted.
        CacheMounts holder = new CacheMounts(directory);
        CacheMounts waiter = new CacheMounts(directory);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (var held = holder.acquire("apt", RunMount.Sharing.LOCKED, dir -> { })) {
            Thread waiting = Thread.ofVirtual().start(() -> {
                try (var never = waiter.acquire("apt", sharing, dir -> { })) {
                    failure.complete(null);
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });
            Thread.sleep(200);
            waiting.interrupt();

            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageStartingWith("waiting for the").hasMessageEndingWith("cache mount " + waiter.directoryOf("apt"));
        }
        assertThat(openLockFiles()).as("the waiter's lock file is closed").isZero();
        CompletableFuture<Path> next = CompletableFuture.supplyAsync(() -> {
            try (var lease = waiter.acquire("apt", RunMount.Sharing.LOCKED, dir -> { })) {
                return lease.directory();
            }
        }, Thread.ofVirtual()::start);
        assertThat(next.get(5, TimeUnit.SECONDS)).as("the waiter's engine can take the cache again")
                .isEqualTo(waiter.directoryOf("apt"));
    }

    @Test
    void aFailedSeedGivesTheLockBack() throws Exception {
        CacheMounts caches = new CacheMounts(directory);
        assertThatThrownBy(() -> caches.acquire("m2", RunMount.Sharing.LOCKED, dir -> {
            throw new IOException("no space");
        })).hasMessage("making cache mount directory " + caches.directoryOf("m2"));
        CompletableFuture<Path> next = CompletableFuture.supplyAsync(() -> {
            try (var lease = caches.acquire("m2", RunMount.Sharing.LOCKED, dir -> { })) {
                return lease.directory();
            }
        }, Thread.ofVirtual()::start);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(caches.directoryOf("m2"));
    }

    private String pruneInAnotherProcess() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CachePruneMain.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    private long openLockFiles() throws IOException {
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith(".lock");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }
}
