package dev.berth.snapshot;

import static dev.berth.snapshot.TestLayers.dir;
import static dev.berth.snapshot.TestLayers.file;
import static dev.berth.snapshot.TestLayers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of {@link Snapshotter}, run against every implementation. */
abstract class SnapshotterConformance {

    @TempDir
    Path work;

    Snapshotter snapshotter;
    final TestLayers base = TestLayers.of(dir("bin"), file("bin/ls", "ls"), file("bin/sh", "sh"), dir("etc"),
            file("etc/motd", "hello"), dir("data"), file("data/a", "a"), file("data/b", "b"));
    final TestLayers second = TestLayers.of(dir("bin"), whiteout("bin/.wh.sh"), file("bin/cat", "cat"));
    Digest baseChain;
    Digest secondChain;

    /** {@code overlay}, {@code flattened} or {@code copy}: which snapshotter {@link #create(String, Path)} makes. */
    abstract String kind();

    Snapshotter create(Path root) {
        return create(kind(), root);
    }

    static Snapshotter create(String kind, Path root) {
        return switch (kind) {
            case "overlay" -> new OverlaySnapshotter(root);
            case "flattened" -> new OverlaySnapshotter(root, 10);
            case "copy" -> new CopySnapshotter(root, true);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @BeforeEach
    void unpackTwoLayers() {
        snapshotter = create(work.resolve("snapshots"));
        List<Digest> chain = ChainIds.of(List.of(base.diffId(), second.diffId()));
        baseChain = chain.get(0);
        secondChain = chain.get(1);
        snapshotter.unpack(baseChain, Optional.empty(), "base", base.stream());
        snapshotter.unpack(secondChain, Optional.of(baseChain), "second", second.stream());
    }

    @Test
    void preparedSnapshotShowsTheLayersWithWhiteoutsApplied() throws IOException {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(active)) {
            assertThat(TestLayers.listing(root.path())).containsAllEntriesOf(Map.of(
                    "bin/ls", "file ls", "bin/cat", "file cat", "etc/motd", "file hello", "data/a", "file a"))
                    .doesNotContainKey("bin/sh")
                    .containsEntry("proc", "dir").containsEntry("etc/hosts", "file ");
        }
    }

    @Test
    void untouchedSnapshotHasNoChangesNotEvenTheInitLayer() {
        snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults().withMountPoint("/cache/x", false));

        assertThat(snapshotter.diff("c1")).isEmpty();
    }

    @Test
    void diffHoldsAddedChangedAndRemovedPathsWithTheirParents() throws IOException {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(active)) {
            Files.writeString(root.path().resolve("x"), "new");
            Files.delete(root.path().resolve("bin/ls"));
            Files.writeString(root.path().resolve("etc/motd"), "bye");
        }

        List<LayerEntry> diff = snapshotter.diff("c1");

        assertThat(TestLayers.describe(diff)).containsExactly(
                "bin:DIRECTORY", "bin/.wh.ls:WHITEOUT", "etc:DIRECTORY", "etc/motd:FILE", "x:FILE");
    }

    @Test
    void replacedDirectoryGivesTheSameTreeWhenItsDiffIsApplied() throws IOException {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(active)) {
            Path data = root.path().resolve("data");
            Files.delete(data.resolve("a"));
            Files.delete(data.resolve("b"));
            Files.delete(data);
            Files.createDirectory(data);
            Files.writeString(data.resolve("c"), "c");
        }
        TestLayers change = TestLayers.of(snapshotter.diff("c1"));
        Path applied = Files.createDirectory(work.resolve("applied"));

        TestLayers.apply(applied, base, second, change);

        assertThat(TestLayers.listing(applied)).containsEntry("data/c", "file c")
                .doesNotContainKeys("data/a", "data/b", "proc", "etc/hosts");
    }

    @Test
    void reopenedSnapshotKeepsItsChangesOnceItsMountIsGone() throws IOException {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(active)) {
            Files.writeString(root.path().resolve("x"), "new");
            Files.delete(root.path().resolve("bin/ls"));
        }

        ActiveSnapshot reopened = snapshotter.reopen("c1");

        try (MountedRoot root = mount(reopened)) {
            assertThat(TestLayers.listing(root.path())).containsEntry("x", "file new").doesNotContainKey("bin/ls")
                    .containsEntry("bin/cat", "file cat").containsEntry("etc/hosts", "file ");
        }
        assertThat(TestLayers.describe(snapshotter.diff("c1"))).containsExactly("bin:DIRECTORY", "bin/.wh.ls:WHITEOUT",
                "x:FILE");
        assertThatThrownBy(() -> snapshotter.reopen("c2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void committedSnapshotCarriesTheChangesToTheNextContainer() throws IOException {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(active)) {
            Files.writeString(root.path().resolve("x"), "new");
        }
        Digest third = ChainIds.next(Optional.of(secondChain), Digest.sha256("third".getBytes(StandardCharsets.UTF_8)));

        snapshotter.commit("c1", third);

        assertThat(snapshotter.isCommitted(third)).isTrue();
        ActiveSnapshot next = snapshotter.prepare("c2", Optional.of(third), InitLayer.dockerDefaults());
        try (MountedRoot root = mount(next)) {
            assertThat(Files.readString(root.path().resolve("x"))).isEqualTo("new");
            assertThat(root.path().resolve("bin/sh")).doesNotExist();
        }
        assertThat(snapshotter.diff("c2")).isEmpty();
    }

    @Test
    void listsCommittedThenActiveAndRemovesBoth() {
        snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());

        assertThat(snapshotter.list()).containsExactlyInAnyOrder(
                new SnapshotInfo(baseChain.toString(), SnapshotInfo.Kind.COMMITTED),
                new SnapshotInfo(secondChain.toString(), SnapshotInfo.Kind.COMMITTED),
                new SnapshotInfo("c1", SnapshotInfo.Kind.ACTIVE));
        assertThat(snapshotter.list().getLast().kind()).isEqualTo(SnapshotInfo.Kind.ACTIVE);

        snapshotter.remove("c1");
        snapshotter.remove("c1");
        snapshotter.removeCommitted(secondChain);

        assertThat(snapshotter.list()).containsExactly(new SnapshotInfo(baseChain.toString(), SnapshotInfo.Kind.COMMITTED));
    }

    @Test
    void aKeyInUseIsRefused() {
        snapshotter.prepare("c1", Optional.of(baseChain), InitLayer.dockerDefaults());

        assertThatThrownBy(() -> snapshotter.prepare("c1", Optional.of(baseChain), InitLayer.dockerDefaults()))
                .isInstanceOf(StoreException.class).hasMessageContaining("c1: the key is in use");
    }

    @Test
    void aFailedUnpackLeavesNoSnapshotBehind() throws IOException {
        TestLayers third = TestLayers.of(dir("opt"), file("opt/tool", "tool"));
        byte[] truncated = Arrays.copyOf(third.blob(), 700);
        Digest chain = ChainIds.next(Optional.of(secondChain), third.diffId());

        assertThatThrownBy(() -> snapshotter.unpack(chain, Optional.of(secondChain), "broken",
                new java.io.ByteArrayInputStream(truncated))).isInstanceOf(StoreException.class)
                .hasMessageContaining("which gives another chain ID");

        assertThat(snapshotter.isCommitted(chain)).isFalse();
        try (var temps = Files.list(work.resolve("snapshots/tmp"))) {
            assertThat(temps).isEmpty();
        }
    }

    @Test
    void killPointLeftoversOfADeadProcessAreSweptOnOpen() throws IOException {
        // What a process killed mid-extraction leaves: a temp directory named after its (now gone) pid.
        Path leftover = work.resolve("snapshots/tmp/" + baseChain.hex() + "-999999999-x");
        Files.createDirectories(leftover.resolve("fs/usr"));
        Path live = work.resolve("snapshots/tmp/" + baseChain.hex() + "-" + ProcessHandle.current().pid() + "-y");
        Files.createDirectories(live);

        create(work.resolve("snapshots"));

        assertThat(leftover).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void concurrentUnpacksOfOneChainMakeOneSnapshot() throws Exception {
        TestLayers layer = TestLayers.of(dir("opt"), file("opt/tool", "tool"));
        Digest chain = ChainIds.next(Optional.of(secondChain), layer.diffId());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> unpacks = List.of(
                    threads.submit(() -> snapshotter.unpack(chain, Optional.of(secondChain), "a", layer.stream())),
                    threads.submit(() -> snapshotter.unpack(chain, Optional.of(secondChain), "b", layer.stream())));
            for (Future<?> unpack : unpacks) {
                unpack.get();
            }
        }
        assertThat(snapshotter.list().stream().filter(s -> s.name().equals(chain.toString()))).hasSize(1);
    }

    @Test
    void aProcessKilledMidUnpackLeavesTheSnapshotWholeOrAbsentAndItsLeftoversAreSwept() throws Exception {
        List<LayerEntry> files = new ArrayList<>();
        files.add(dir("many"));
        for (int i = 0; i < 4000; i++) {
            files.add(file("many/f%05d".formatted(i), "content " + i));
        }
        TestLayers big = TestLayers.of(files);
        Path blob = Files.write(work.resolve("big.tar"), big.blob());
        Path root = work.resolve("snapshots");
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBinary, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), UnpackerMain.class.getName(), root.toString(), kind(),
                blob.toString(), big.diffId().toString()).inheritIO().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.isAlive() && System.nanoTime() < deadline && isEmpty(root.resolve("tmp"))) {
            Thread.sleep(2);
        }
        child.destroyForcibly().waitFor();

        Snapshotter reopened = create(root);

        assertThat(isEmpty(root.resolve("tmp"))).isTrue();
        if (reopened.isCommitted(big.diffId())) {
            // The kill came after the rename: then the snapshot must be whole.
            ActiveSnapshot view = reopened.prepare("whole", Optional.of(big.diffId()), InitLayer.dockerDefaults());
            try (MountedRoot mounted = mount(view)) {
                try (var entries = Files.list(mounted.path().resolve("many"))) {
                    assertThat(entries).hasSize(4000);
                }
            }
        }
        reopened.unpack(big.diffId(), Optional.empty(), "big", big.stream());
        assertThat(reopened.isCommitted(big.diffId())).isTrue();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private MountedRoot mount(ActiveSnapshot active) throws IOException {
        return MountedRoot.mount(active.root(), Files.createDirectories(work.resolve("mnt-" + active.key())));
    }

    // Collection (issue 15: committed snapshots were never removed).
    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @Test
    void collectionRemovesWhatNoRootNorActiveSnapshotNeeds() {
        CollectedSnapshots collected = snapshotter.collect(Set.of(), LATER);

        assertThat(collected.removed()).containsExactlyInAnyOrder(baseChain, secondChain);
        assertThat(collected.notCollected()).isEmpty();
        assertThat(snapshotter.isCommitted(baseChain)).isFalse();
        assertThat(snapshotter.list()).isEmpty();
    }

    @Test
    void collectionKeepsARootAndTheChainBelowIt() {
        assertThat(snapshotter.collect(Set.of(secondChain), LATER).removed()).isEmpty();
        assertThat(snapshotter.isCommitted(baseChain)).isTrue();

        TestLayers extra = TestLayers.of(file("only-here", "x"));
        Digest third = ChainIds.next(Optional.of(baseChain), extra.diffId());
        snapshotter.unpack(third, Optional.of(baseChain), "third", extra.stream());
        assertThat(snapshotter.collect(Set.of(third), LATER).removed()).containsExactly(secondChain);
        assertThat(snapshotter.isCommitted(baseChain)).isTrue();
        assertThat(snapshotter.isCommitted(third)).isTrue();
    }

    @Test
    void collectionKeepsTheChainsOfActiveSnapshotsAndViews() {
        snapshotter.prepare("c1", Optional.of(baseChain), InitLayer.dockerDefaults());
        snapshotter.view("v1", secondChain);

        assertThat(snapshotter.collect(Set.of(), LATER).removed()).isEmpty();

        snapshotter.remove("v1");
        assertThat(snapshotter.collect(Set.of(), LATER).removed()).containsExactly(secondChain);
        assertThat(snapshotter.isCommitted(baseChain)).isTrue();
    }

    @Test
    void collectionKeepsWhatWasJustCommitted() {
        ActiveSnapshot active = snapshotter.prepare("c1", Optional.of(secondChain), InitLayer.dockerDefaults());
        Digest made = ChainIds.next(Optional.of(secondChain), TestLayers.of(file("x", "y")).diffId());
        snapshotter.commit(active.key(), made);

        // Made after the collection's cut-off: a step records its cache entry just after it commits.
        assertThat(snapshotter.collect(Set.of(), Instant.now().minusSeconds(3600)).removed()).isEmpty();
        assertThat(snapshotter.collect(Set.of(), LATER).removed()).containsExactlyInAnyOrder(baseChain, secondChain, made);
    }

    @Test
    void anActiveSnapshotWhoseParentIsNotYetRecordedStopsTheCollection() throws IOException {
        Files.createDirectories(work.resolve("snapshots/active/half-made"));

        CollectedSnapshots collected = snapshotter.collect(Set.of(), LATER);

        assertThat(collected.removed()).isEmpty();
        assertThat(collected.notCollected()).hasValueSatisfying(why -> assertThat(why).contains("half-made"));
        assertThat(snapshotter.isCommitted(baseChain)).isTrue();
    }
}
