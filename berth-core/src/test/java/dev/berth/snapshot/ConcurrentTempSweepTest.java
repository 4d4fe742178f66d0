package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (#9): with builds and a prune running at once on one store and one process killed, a build that was
 * not killed failed with {@code opening snapshots in …/snapshots/overlay: …/snapshots/overlay/tmp/<id>-…}: two
 * processes swept the killed one's temp directory at once, and one failed on an entry the other had removed.
 */
class ConcurrentTempSweepTest {

    /** Above the kernel's largest pid_max (2^22): never a running process. */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path work;

    @Test
    void aSweepWhoseLeftoverAnotherSweepRemovedFirstDoesNotFail() throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path leftover = leftover(tmp, "a");
        TempSweeper other = new TempSweeper(tmp);
        List<Path> removedByOther = new ArrayList<>();

        List<Path> removed = new TempSweeper(tmp, steps(abandoned -> removedByOther.addAll(other.sweep()),
                TempSweeperTestSteps::removeStrictly)).sweep();

        assertThat(removedByOther).containsExactly(leftover);
        assertThat(removed).isEmpty();
        assertThat(entries(tmp)).isEmpty();
    }

    /** The interleaving of the bug: the other sweep runs while this one is between listing the tree and deleting it. */
    @Test
    void aSweepDuringAnotherSweepsRemovalLeavesThatLeftoverToIt() throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path leftover = leftover(tmp, "a");
        TempSweeper other = new TempSweeper(tmp);
        List<Path> removedByOther = new ArrayList<>();

        List<Path> removed = new TempSweeper(tmp, steps(abandoned -> { }, claimed -> {
            List<Path> listed = TempSweeperTestSteps.listing(claimed);
            removedByOther.addAll(other.sweep());
            TempSweeperTestSteps.deleteListed(listed);
        })).sweep();

        assertThat(removed).containsExactly(leftover);
        assertThat(removedByOther).isEmpty();
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aClaimOfAProcessKilledMidRemovalIsSweptByTheNextSweep() throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path claimedByTheDead = Files.createDirectories(tmp.resolve("swept-" + DEAD_PID + "-x/fs/usr"));

        new TempSweeper(tmp).sweep();

        assertThat(claimedByTheDead).doesNotExist();
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aLiveOwnersTempDirectoryIsNeverSweptAndIsOnceItsOwnerIsGone() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Process owner = new ProcessBuilder("sleep", "60").start();
        try {
            Path live = Files.createDirectories(tmp.resolve("0123abcd-" + owner.pid() + "-u/fs"));
            Path claimed = Files.createDirectories(tmp.resolve("swept-" + owner.pid() + "-u"));

            assertThat(new TempSweeper(tmp).sweep()).isEmpty();
            assertThat(live).isDirectory();
            assertThat(claimed).isDirectory();

            owner.destroyForcibly();
            assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();
            new TempSweeper(tmp).sweep();
            assertThat(entries(tmp)).isEmpty();
        } finally {
            owner.destroyForcibly();
        }
    }

    /** The snapshotter opened by several processes at once (threads here), all sweeping the same leftovers. */
    @Test
    void snapshottersOpenedAtOnceOnTheSameLeftoversAllOpen() throws Exception {
        Path root = work.resolve("snapshots");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        for (int i = 0; i < 12; i++) {
            leftover(tmp, "l" + i);
        }
        int openers = 4;
        CyclicBarrier start = new CyclicBarrier(openers);
        try (var threads = Executors.newFixedThreadPool(openers)) {
            List<Future<Snapshotter>> opened = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                opened.add(threads.submit(() -> {
                    start.await();
                    return new CopySnapshotter(root, false);
                }));
            }
            for (Future<Snapshotter> snapshotter : opened) {
                assertThat(snapshotter.get(60, TimeUnit.SECONDS).list()).isEmpty();
            }
        }
        assertThat(entries(tmp)).isEmpty();
    }

    /** What a process killed mid-unpack leaves: {@code tmp/<chain hex>-<pid>-<random>/fs} with a tree in it. */
    private static Path leftover(Path tmp, String name) throws IOException {
        Path leftover = tmp.resolve(name + "-" + DEAD_PID + "-" + name);
        for (int d = 0; d < 4; d++) {
            Path dir = Files.createDirectories(leftover.resolve("fs/d" + d + "/sub"));
            for (int f = 0; f < 40; f++) {
                Files.writeString(dir.resolve("f" + f), "x");
                Files.writeString(dir.getParent().resolve("g" + f), "y");
            }
        }
        return leftover;
    }

    private static TempSweeper.Steps steps(Step found, Step remove) {
        return new TempSweeper.Steps() {
            @Override
            public void found(Path abandoned) throws IOException {
                found.run(abandoned);
            }

            @Override
            public void remove(Path claimed) throws IOException {
                remove.run(claimed);
            }
        };
    }

    @FunctionalInterface
    private interface Step {
        void run(Path path) throws IOException;
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** A remover that lists first and then needs every listed entry still there, as a process mid-walk does. */
    private static final class TempSweeperTestSteps {

        static void removeStrictly(Path root) throws IOException {
            deleteListed(listing(root));
        }

        /** Every path below and including {@code root}, deepest first. */
        static List<Path> listing(Path root) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.toList().reversed();
            }
        }

        static void deleteListed(List<Path> listed) throws IOException {
            for (Path path : listed) {
                Files.delete(path);
            }
            assertThat(listed).allMatch(path -> !Files.exists(path, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
