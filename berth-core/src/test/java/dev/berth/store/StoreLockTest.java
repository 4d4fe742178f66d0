package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StoreLockTest {

    @TempDir
    Path directory;

    @Test
    void exclusiveHoldersNeverOverlap() throws Exception {
        try (StoreLock lock = new StoreLock(directory.resolve(".lock"));
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            for (int i = 0; i < 200; i++) {
                threads.submit(() -> {
                    try (StoreLock.Held _ = lock.exclusive()) {
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.yield();
                        inside.decrementAndGet();
                    }
                });
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
        }
    }

    @Test
    void sharedHoldersRunTogetherAndExclusiveWaitsForAll() throws Exception {
        try (StoreLock lock = new StoreLock(directory.resolve(".lock"));
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            StoreLock.Held first = lock.shared();
            StoreLock.Held second = lock.shared();
            CountDownLatch exclusiveHeld = new CountDownLatch(1);
            threads.submit(() -> {
                try (StoreLock.Held _ = lock.exclusive()) {
                    exclusiveHeld.countDown();
                }
            });

            assertThat(exclusiveHeld.await(200, TimeUnit.MILLISECONDS)).isFalse();
            first.close();
            assertThat(exclusiveHeld.await(200, TimeUnit.MILLISECONDS)).isFalse();
            second.close();
            assertThat(exclusiveHeld.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sharedIsNotBlockedByAWaitingExclusive() throws Exception {
        try (StoreLock lock = new StoreLock(directory.resolve(".lock"));
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            StoreLock.Held guard = lock.shared();
            threads.submit(() -> lock.exclusive().close());
            Thread.sleep(50);

            // A writer holding the guard hands work to another thread that takes it shared again.
            var nested = threads.submit(() -> lock.shared().close());

            nested.get(5, TimeUnit.SECONDS);
            guard.close();
        }
    }

    @Test
    void closingHeldTwiceReleasesOnce() {
        try (StoreLock lock = new StoreLock(directory.resolve(".lock"))) {
            StoreLock.Held one = lock.shared();
            StoreLock.Held two = lock.shared();
            one.close();
            one.close();
            two.close();
            lock.exclusive().close();
        }
    }

    /**
     * Regression: a thread interrupted while taking the lock (a stage canceled by a failing build) made
     * FileChannel.lock close the channel, which dropped every lock this process held on the file and failed
     * every later attempt. The lock is taken, the interrupt kept for the caller, the channel left open.
     */
    @Test
    void anInterruptedThreadTakesTheLockAndLeavesItUsable() {
        try (StoreLock lock = new StoreLock(directory.resolve(".lock"))) {
            Thread.currentThread().interrupt();
            try (StoreLock.Held _ = lock.exclusive()) {
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            try (StoreLock.Held _ = lock.shared()) {
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
            }
        }
    }

    /**
     * A lock another process holds is waited for on a helper thread, in the kernel's queue: an interrupt of
     * the waiting thread neither ends the wait early (the holder is respected) nor closes the channel.
     */
    @Test
    void aContendedLockIsWaitedForAndAnInterruptDoesNotCloseTheChannel() throws Exception {
        Path file = Files.createFile(directory.resolve(".lock"));
        Process holder;
        try {
            holder = new ProcessBuilder("python3", "-c", "import fcntl, sys, time\n"
                    + "f = open(sys.argv[1], 'r+'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(1)",
                    file.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is needed to hold the lock from another process");
            return;
        }
        var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("locked");
        try (StoreLock lock = new StoreLock(file)) {
            long start = System.nanoTime();
            Thread.currentThread().interrupt();
            try (StoreLock.Held _ = lock.shared()) {
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            // The other process holds it for a second after saying so: taken only once it let go.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThan(700);
            try (StoreLock.Held _ = lock.exclusive()) {
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
    }
}
