package dev.berth.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.snapshot.CopySnapshotter;
import dev.berth.snapshot.InitLayer;
import dev.berth.snapshot.SnapshotInfo;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep over records of dead and live owners, without a runtime (no container state) and with copy snapshots. */
class LeftoverSweeperTest {

    @TempDir
    Path root;

    LocalStore store;
    Snapshotter snapshots;
    ProcessOwner dead;

    @BeforeEach
    void setUp() throws Exception {
        store = LocalStore.open(new StoreLayout(root));
        snapshots = new CopySnapshotter(store.paths().snapshots().resolve("copy"), false);
        Process child = new ProcessBuilder("true").start();
        dead = ProcessOwner.running(child.pid()).orElseGet(() -> new ProcessOwner(child.pid(), 1, "gone"));
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aDeadOwnersBundleSnapshotAndWorkDirectoryAreRemovedAndReported() throws IOException {
        Path bundle = container("berth-run-0123456789ab", dead);
        Path work = workDirectory("5c1d", dead);

        SweepReport report = new LeftoverSweeper(store).sweep();

        assertThat(report.failures()).isEmpty();
        assertThat(report.removed()).extracting(SweepReport.Leftover::describe).containsExactly(
                "RUN container berth-run-0123456789ab (pid " + dead.pid() + " gone): snapshot, bundle",
                "build build 5c1d (pid " + dead.pid() + " gone): work directory");
        assertThat(bundle).doesNotExist();
        assertThat(OwnerRecord.fileFor(bundle)).doesNotExist();
        assertThat(work).doesNotExist();
        assertThat(OwnerRecord.fileFor(work)).doesNotExist();
        assertThat(snapshots.list()).isEmpty();
    }

    @Test
    void aLiveOwnersThingsAreLeftAlone() throws IOException {
        Path bundle = container("berth-run-live", ProcessOwner.current());
        Path work = workDirectory("live", ProcessOwner.current());

        SweepReport report = new LeftoverSweeper(store).sweep();

        assertThat(report.isEmpty()).isTrue();
        assertThat(bundle.resolve("config.json")).exists();
        assertThat(OwnerRecord.fileFor(bundle)).exists();
        assertThat(work.resolve("logs/step-1.log")).exists();
        assertThat(snapshots.list()).containsExactly(new SnapshotInfo("berth-run-live", SnapshotInfo.Kind.ACTIVE));
    }

    @Test
    void aFinishedBuildsLogsWithoutARecordStay() throws IOException {
        Path logs = Files.createDirectories(store.paths().buildWork().resolve("done").resolve("logs"));

        assertThat(new LeftoverSweeper(store).sweep().isEmpty()).isTrue();
        assertThat(logs).exists();
    }

    @Test
    void aRecordWhoseDirectoryIsAlreadyGoneIsRemoved() {
        Path bundle = store.paths().containers().resolve("berth-run-halfdone");
        new OwnerRecord(dead, "run", Optional.empty(), Optional.empty()).writeFor(bundle);

        SweepReport report = new LeftoverSweeper(store).sweep();

        assertThat(report.removed()).extracting(SweepReport.Leftover::describe)
                .containsExactly("run container berth-run-halfdone (pid " + dead.pid() + " gone): record only");
        assertThat(OwnerRecord.fileFor(bundle)).doesNotExist();
    }

    @Test
    void aTemporaryRecordOfADeadWriterIsDeletedAndAnUnreadableRecordIsReported() throws IOException {
        Path temp = Files.writeString(store.paths().containers().resolve(".x.owner." + dead.pid() + ".tmp"), "{");
        Path garbage = Files.writeString(store.paths().containers().resolve("y.owner"), "not json");

        SweepReport report = new LeftoverSweeper(store).sweep();

        assertThat(temp).doesNotExist();
        assertThat(garbage).exists();
        assertThat(report.failures()).singleElement().asString().startsWith("reading the owner record " + garbage);
    }

    @Test
    void theRecordRoundTrips() throws IOException {
        Path bundle = store.paths().containers().resolve("abc");
        var record = new OwnerRecord(dead, "run",
                Optional.of(new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/berth/runc"))),
                Optional.of(snapshots.location()));
        record.writeFor(bundle);

        assertThat(OwnerRecord.read(OwnerRecord.fileFor(bundle))).isEqualTo(record);
        assertThat(Files.readString(OwnerRecord.fileFor(bundle))).isEqualTo(("{\"owner\":{\"pid\":%d,\"startTicks\":%d,"
                + "\"bootId\":\"%s\"},\"purpose\":\"run\",\"runtime\":{\"name\":\"runc\",\"executable\":\"/usr/sbin/runc\","
                + "\"stateRoot\":\"/run/berth/runc\"},\"snapshots\":{\"kind\":\"copy\",\"root\":\"%s\",\"privileged\":false}}")
                .formatted(dead.pid(), dead.startTicks(), dead.bootId(), root.resolve("snapshots/copy")));
    }

    private Path container(String id, ProcessOwner owner) throws IOException {
        Path bundle = store.paths().containers().resolve(id);
        new OwnerRecord(owner, "RUN", Optional.empty(), Optional.of(snapshots.location())).writeFor(bundle);
        snapshots.prepare(id, Optional.empty(), InitLayer.dockerDefaults());
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.writeString(bundle.resolve("config.json"), "{}");
        return bundle;
    }

    private Path workDirectory(String name, ProcessOwner owner) throws IOException {
        Path work = store.paths().buildWork().resolve(name);
        new OwnerRecord(owner, "build", Optional.empty(), Optional.empty()).writeFor(work);
        Files.createDirectories(work.resolve("logs"));
        Files.writeString(work.resolve("logs/step-1.log"), "output");
        Path readOnly = Files.createDirectories(work.resolve("rootfs/stage/ro"));
        Files.writeString(readOnly.resolve("f"), "x");
        readOnly.toFile().setWritable(false);
        return work;
    }

    static List<String> names(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
