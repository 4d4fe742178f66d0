package dev.berth.engine.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.plan.RunMount;
import dev.berth.runtime.MountSpec;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.RunBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sharing modes of cache mounts, their seeding and pruning. */
class CacheMountsTest {

    @TempDir
    Path directory;

    @Test
    void sharedUsersGetTheSameDirectoryAtOnce() {
        CacheMounts caches = new CacheMounts(directory);
        try (var first = caches.acquire("go", RunMount.Sharing.SHARED, dir -> { });
                var second = caches.acquire("go", RunMount.Sharing.SHARED, dir -> { })) {
            assertThat(second.directory()).isEqualTo(first.directory()).isEqualTo(caches.directoryOf("go"));
        }
    }

    @Test
    void aLockedUserWaitsUntilTheHolderIsDone() throws Exception {
        CacheMounts caches = new CacheMounts(directory);
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> {
                try (var held = caches.acquire("apt", RunMount.Sharing.LOCKED, dir -> { })) {
                    holding.countDown();
                    Thread.sleep(300);
                    released.set(true);
                }
                return null;
            });
            holding.await(5, TimeUnit.SECONDS);
            Future<Boolean> waiter = threads.submit(() -> {
                try (var next = caches.acquire("apt", RunMount.Sharing.LOCKED, dir -> { })) {
                    return released.get();
                }
            });

            assertThat(waiter.get(5, TimeUnit.SECONDS)).as("the second locked user ran after the first released").isTrue();
        }
    }

    @Test
    void aPrivateUserGetsItsOwnDirectoryWhileTheCacheIsHeldAndItGoesAfterwards() throws Exception {
        CacheMounts caches = new CacheMounts(directory);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            threads.submit(() -> {
                try (var held = caches.acquire("npm", RunMount.Sharing.LOCKED, dir -> { })) {
                    holding.countDown();
                    done.await(5, TimeUnit.SECONDS);
                }
                return null;
            });
            holding.await(5, TimeUnit.SECONDS);
            Path own = threads.submit(() -> {
                try (var lease = caches.acquire("npm", RunMount.Sharing.PRIVATE, dir -> Files.writeString(dir.resolve("seeded"), "s"))) {
                    assertThat(lease.directory()).isNotEqualTo(caches.directoryOf("npm"));
                    assertThat(lease.directory().resolve("seeded")).hasContent("s");
                    return lease.directory();
                }
            }).get(5, TimeUnit.SECONDS);
            done.countDown();

            assertThat(own).doesNotExist();
        }
        try (var alone = caches.acquire("npm", RunMount.Sharing.PRIVATE, dir -> { })) {
            assertThat(alone.directory()).isEqualTo(caches.directoryOf("npm"));
        }
    }

    @Test
    void aNewCacheIsSeededOnceAndKeptAcrossEngines() throws IOException {
        try (var lease = new CacheMounts(directory).acquire("m2", RunMount.Sharing.SHARED,
                dir -> Files.writeString(dir.resolve("settings.xml"), "seed"))) {
            Files.writeString(lease.directory().resolve("artifact"), "downloaded");
        }
        try (var lease = new CacheMounts(directory).acquire("m2", RunMount.Sharing.SHARED,
                dir -> Files.writeString(dir.resolve("settings.xml"), "seeded again"))) {
            assertThat(lease.directory().resolve("settings.xml")).hasContent("seed");
            assertThat(lease.directory().resolve("artifact")).hasContent("downloaded");
        }
    }

    @Test
    void pruneRemovesIdleCachesAndKeepsOneInUse() throws IOException {
        CacheMounts caches = new CacheMounts(directory);
        try (var idle = caches.acquire("idle", RunMount.Sharing.SHARED, dir -> Files.writeString(dir.resolve("f"), "12345"))) {
            assertThat(idle.directory()).exists();
        }
        try (var busy = caches.acquire("busy", RunMount.Sharing.LOCKED, dir -> Files.writeString(dir.resolve("f"), "1"))) {
            CacheMounts.Pruned pruned = caches.prune();

            assertThat(pruned).isEqualTo(new CacheMounts.Pruned(1, 5));
            assertThat(caches.directoryOf("idle")).doesNotExist();
            assertThat(busy.directory().resolve("f")).exists();
        }
        assertThat(caches.bytes()).isEqualTo(1);
    }

    @Test
    void aTmpfsSizeBecomesARuntimeMountOption() {
        assertThat(RunBundle.stepMounts(List.of(HostMount.tmpfs("/t", OptionalLong.of(1 << 20)))))
                .containsExactly(new MountSpec("/t", "tmpfs", "tmpfs", List.of("nosuid", "nodev", "mode=1777", "size=1048576")));
    }
}
