package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.image.Digest;
import dev.berth.recovery.OwnerRecord;
import dev.berth.recovery.ProcessOwner;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRecordsTest {

    @TempDir
    Path root;

    @Test
    void aRecordReadsBackAsWritten() throws IOException {
        ContainerRecord record = record("a".repeat(64), "web", 1).startedAt(Instant.parse("2026-01-02T15:04:06Z"));
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(record))).isEqualTo(record);
        ContainerRecord bare = new ContainerRecord("b".repeat(64), "db", "busybox", digest('c'),
                new SandboxProcess(List.of("sh"), List.of(), "", "/"), Instant.EPOCH, Map.of(), NetworkOptions.NONE, "h",
                false, "", false, OptionalLong.empty(), Optional.empty(), runtime(), snapshots(), Optional.empty());
        assertThat(bare.stopSignal()).isEqualTo("SIGTERM");
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(bare))).isEqualTo(bare);
    }

    @Test
    void aRecordKeepsItsNetworkOptionsForTheNextStart() throws IOException {
        var network = new NetworkOptions("web", List.of("api", "www"), Optional.of("10.87.5.9"),
                List.of("127.0.0.1:8080:80/tcp", "80/tcp"), true, List.of("db:10.0.0.5"), List.of("10.0.0.53"));
        ContainerRecord base = record("c".repeat(64), "srv", 1);
        ContainerRecord record = new ContainerRecord(base.id(), base.name(), base.image(), base.imageId(), base.process(),
                base.created(), base.labels(), network, base.hostname(), base.seccomp(), base.stopSignal(),
                base.autoRemove(), base.logSizeMax(), base.parent(), base.runtime(), base.snapshots(), base.started());
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(record)).network()).isEqualTo(network);
        ContainerRecord bridged = new ContainerRecord(base.id(), base.name(), base.image(), base.imageId(),
                base.process(), base.created(), base.labels(), NetworkOptions.BRIDGE, base.hostname(), base.seccomp(),
                base.stopSignal(), base.autoRemove(), base.logSizeMax(), base.parent(), base.runtime(), base.snapshots(),
                base.started());
        assertThat(new String(ContainerRecordJson.write(bridged))).contains("\"network\" : \"bridge\"")
                .doesNotContain("networkOptions");
    }

    @Test
    void aRecordFromBeforeBridgeNetworksReadsItsHostOrNoneNetwork() throws IOException {
        for (var legacy : List.of(Map.entry("HOST", NetworkOptions.HOST), Map.entry("NONE", NetworkOptions.NONE))) {
            String json = new String(ContainerRecordJson.write(record("d".repeat(64), "old", 1)))
                    .replace("\"network\" : \"none\"", "\"network\" : \"" + legacy.getKey() + "\"");
            assertThat(ContainerRecordJson.read(json.getBytes()).network()).as(legacy.getKey()).isEqualTo(legacy.getValue());
        }
    }

    @Test
    void recordsAreWrittenAtomicallyIntoTheirDirectory() throws IOException {
        var records = new ContainerRecords(root);
        ContainerRecord web = records.create(Optional.of("/web"), name -> record("a".repeat(64), name, 1));
        assertThat(web.name()).isEqualTo("web");
        assertThat(root.resolve("a".repeat(64)).resolve("container.json")).isRegularFile();
        try (Stream<Path> files = Files.list(root.resolve("a".repeat(64)))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("container.json");
        }
        records.write(web.startedAt(Instant.parse("2026-01-02T15:04:06Z")));
        assertThat(records.find("web").started()).contains(Instant.parse("2026-01-02T15:04:06Z"));
    }

    @Test
    void lookupsGoByIdThenNameThenUniquePrefix() {
        var records = new ContainerRecords(root);
        String first = "ab" + "1".repeat(62);
        String second = "ac" + "2".repeat(62);
        records.create(Optional.of("web"), name -> record(first, name, 1));
        // A name that is another container's ID prefix: the name wins, as in Docker.
        records.create(Optional.of("ab1"), name -> record(second, name, 2));
        assertThat(records.find(first).name()).isEqualTo("web");
        assertThat(records.find("web").id()).isEqualTo(first);
        assertThat(records.find("/web").id()).isEqualTo(first);
        assertThat(records.find("ab1").id()).isEqualTo(second);
        assertThat(records.find("ac").id()).isEqualTo(second);
        assertThatThrownBy(() -> records.find("a")).isInstanceOf(NotFoundException.class)
                .hasMessage("Multiple IDs found with provided prefix: a");
        assertThatThrownBy(() -> records.find("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: nope");
        assertThatThrownBy(() -> records.find("")).isInstanceOf(NotFoundException.class);
    }

    /**
     * Regression (run -d killed during its network's setup): the record of a run whose owner record names a process
     * that is gone is not listed and frees its name; one whose owner lives, or that was handed over, is listed.
     */
    @Test
    void aRunKilledBeforeHandingOverIsNotListedAndFreesItsName() {
        var records = new ContainerRecords(root);
        String abandoned = "d".repeat(64);
        records.create(Optional.of("web"), name -> record(abandoned, name, 1));
        records.create(Optional.of("db"), name -> record("e".repeat(64), name, 2));
        records.create(Optional.of("cache"), name -> record("f".repeat(64), name, 3));
        // This process's pid with another start time: a process that had the pid once and is gone.
        ProcessOwner self = ProcessOwner.current();
        ProcessOwner gone = new ProcessOwner(self.pid(), self.startTicks() + 1, self.bootId());
        new OwnerRecord(gone, "run", Optional.empty(), Optional.empty()).writeFor(root.resolve(abandoned));
        new OwnerRecord(ProcessOwner.current(), "run", Optional.empty(), Optional.empty())
                .writeFor(root.resolve("e".repeat(64)));

        assertThat(records.all()).extracting(ContainerRecord::name).containsExactly("db", "cache");
        assertThatThrownBy(() -> records.find("web")).isInstanceOf(NotFoundException.class);
        assertThat(records.create(Optional.of("web"), name -> record("a".repeat(64), name, 4)).name()).isEqualTo("web");
    }

    @Test
    void aNameInUseIsAConflictWithDockersText() {
        var records = new ContainerRecords(root);
        String id = "d".repeat(64);
        records.create(Optional.of("web"), name -> record(id, name, 1));
        assertThatThrownBy(() -> records.create(Optional.of("web"), name -> record("e".repeat(64), name, 2)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Conflict. The container name \"/web\" is already in use by container \"" + id
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
        records.delete(records.find("web"));
        assertThat(records.create(Optional.of("web"), name -> record("e".repeat(64), name, 2)).id()).isEqualTo("e".repeat(64));
    }

    @Test
    void aNameIsGeneratedWhenNoneIsGiven() {
        var records = new ContainerRecords(root);
        ContainerRecord record = records.create(Optional.empty(), name -> record("f".repeat(64), name, 1));
        assertThat(record.name()).matches("[a-z]+_[a-z]+");
    }

    @Test
    void bundlesWithoutRecordsAndStrayFilesAreNotContainers() throws IOException {
        var records = new ContainerRecords(root);
        Files.createDirectories(root.resolve("1".repeat(64)).resolve("rootfs"));
        Files.writeString(root.resolve("1".repeat(64) + ".owner"), "{}");
        Files.createDirectories(root.resolve("2".repeat(64)));
        Files.writeString(root.resolve("2".repeat(64)).resolve("container.json"), "{\"format\": 99}");
        records.create(Optional.of("later"), name -> record("4".repeat(64), name, 5));
        records.create(Optional.of("earlier"), name -> record("3".repeat(64), name, 4));
        assertThat(records.all()).extracting(ContainerRecord::name).containsExactly("earlier", "later");
    }

    /** {@code run -dit}: {@code start} gives conmon {@code -t} again only if the record keeps the terminal. */
    @Test
    void aTerminalContainersRecordKeepsItsTerminal() throws IOException {
        ContainerRecord record = record("d".repeat(64), "shell", 1);
        SandboxProcess process = record.process();
        ContainerRecord withTerminal = new ContainerRecord(record.id(), record.name(), record.image(), record.imageId(),
                new SandboxProcess(process.args(), process.env(), process.user(), process.workingDir(), true),
                record.created(), record.labels(), record.network(), record.hostname(), record.seccomp(),
                record.stopSignal(), record.autoRemove(), record.logSizeMax(), record.parent(), record.runtime(),
                record.snapshots(), record.started());
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(withTerminal)).process().terminal()).isTrue();
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(record)).process().terminal()).isFalse();
    }

    @Test
    void emptyRootHasNoContainers() {
        assertThat(new ContainerRecords(root.resolve("missing")).all()).isEmpty();
    }

    @Test
    void mountsAndTheStopTimeoutSurviveTheRecordsJson() throws IOException {
        ContainerRecord plain = record("d".repeat(64), "vols", 1);
        var mounts = List.of(
                new ContainerMount(ContainerMount.Type.BIND, Optional.empty(), Optional.of(java.nio.file.Path.of("/srv")),
                        "/srv", true, false, List.of()),
                new ContainerMount(ContainerMount.Type.VOLUME, Optional.of("data"),
                        Optional.of(java.nio.file.Path.of("/store/volumes/data/_data")), "/data", false, true, List.of()),
                new ContainerMount(ContainerMount.Type.TMPFS, Optional.empty(), Optional.empty(), "/tmp", false, false,
                        List.of("size=1m")));
        ContainerRecord withMounts = new ContainerRecord(plain.id(), plain.name(), plain.image(), plain.imageId(),
                plain.process(), plain.created(), plain.labels(), plain.network(), plain.hostname(), plain.seccomp(),
                plain.stopSignal(), plain.autoRemove(), plain.logSizeMax(), plain.parent(), plain.runtime(),
                plain.snapshots(), plain.started(), mounts, java.util.OptionalInt.of(3));

        ContainerRecord read = ContainerRecordJson.read(ContainerRecordJson.write(withMounts.startedAt(Instant.EPOCH)));

        assertThat(read.mounts()).isEqualTo(mounts);
        assertThat(read.stopTimeout()).hasValue(3);
        assertThat(read.mounts().get(1).usesVolume("data")).isTrue();
    }

    @Test
    void theRequestedEntrypointAndNetworkModeSurviveTheRecordsJsonAndOlderRecordsHaveNone() throws IOException {
        ContainerRecord plain = record("e".repeat(64), "asked", 1);
        assertThat(ContainerRecordJson.read(ContainerRecordJson.write(plain)).requested()).isEmpty();
        var requested = new RequestedConfig(List.of("/entry.sh", "-v"), "default");
        ContainerRecord asked = new ContainerRecord(plain.id(), plain.name(), plain.image(), plain.imageId(),
                plain.process(), plain.created(), plain.labels(), plain.network(), plain.hostname(), plain.seccomp(),
                plain.stopSignal(), plain.autoRemove(), plain.logSizeMax(), plain.parent(), plain.runtime(),
                plain.snapshots(), plain.started(), plain.mounts(), plain.stopTimeout(), plain.health(), plain.restart(),
                plain.restartCount(), plain.stopRequested(), Optional.of(requested));
        ContainerRecord read = ContainerRecordJson.read(ContainerRecordJson.write(asked));
        assertThat(read).isEqualTo(asked);
        assertThat(read.startedAt(Instant.EPOCH).restarting().withStopRequested(true).requested()).contains(requested);
    }

    private static ContainerRecord record(String id, String name, int second) {
        return new ContainerRecord(id, name, "busybox:latest", digest('9'),
                new SandboxProcess(List.of("sh", "-c", "sleep 1000"), List.of("PATH=/bin"), "nobody", "/tmp"),
                Instant.parse("2026-01-02T15:04:05Z").plusSeconds(second), Map.of("tier", "front", "a", "b"),
                NetworkOptions.NONE, id.substring(0, 12), true, "SIGQUIT", true, OptionalLong.of(1 << 20),
                Optional.of(digest('7')), runtime(), snapshots(), Optional.empty());
    }

    private static OwnerRecord.RuntimeLocation runtime() {
        return new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/berth/runc"));
    }

    private static SnapshotterLocation snapshots() {
        return new SnapshotterLocation(SnapshotterLocation.OVERLAY, Path.of("/var/lib/berth/snapshots/overlay"), false);
    }

    private static Digest digest(char hex) {
        return Digest.parse("sha256:" + String.valueOf(hex).repeat(64));
    }
}
