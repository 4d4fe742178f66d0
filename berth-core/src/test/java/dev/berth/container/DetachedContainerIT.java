package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.RuntimeDetector;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.snapshot.SnapshotInfo;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.BlobInfo;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.IntegrationFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached containers end to end (root, runc, conmon): a busybox layer stored, containers run under conmon, seen
 * from fresh objects as another process would see them, their logs read, stopped, removed, nothing left behind.
 */
@ExtendWith(IntegrationFixtures.class)
class DetachedContainerIT {

    @TempDir
    Path root;
    @TempDir
    Path state;
    private LocalStore store;
    private OciRuntime runtime;
    private ContainerImage image;

    @BeforeEach
    void storeBusybox(BaseImages images) throws IOException {
        store = LocalStore.open(StoreLayout.resolve(Optional.of(root), Map.of(), 0));
        BlobInfo blob;
        try (Ingester ingester = store.content().ingest(); InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            in.transferTo(ingester.stream());
            blob = ingester.commit(Optional.empty());
        }
        var layer = new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER, blob.digest(), blob.size()), blob.digest());
        image = new ContainerImage("busybox:test", Digest.sha256("config".getBytes()),
                ContainerConfig.builder().cmd(List.of("sh")).build(), List.of(layer));
        runtime = RuntimeDetector.fromEnvironment(System.getenv(), state).choose("runc");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void runsDetachedShowsLogsStopsAndRemoves() throws IOException {
        ContainerInfo started = containers().run(image,
                request(List.of("sh", "-c", "echo hi; echo err >&2; sleep 1000")),
                new DetachOptions(Optional.of("web"), Map.of("tier", "front"), false, OptionalLong.empty()));
        assertThat(started.phase()).isInstanceOf(ContainerPhase.Running.class);
        assertThat(started.name()).isEqualTo("web");

        // A fresh object, as `berth ps` in another process.
        List<ContainerInfo> running = containers().list(false);
        assertThat(running).extracting(ContainerInfo::id).containsExactly(started.id());
        assertThat(running.getFirst().status(Instant.now())).startsWith("Up ");
        assertThat(running.getFirst().record().labels()).containsEntry("tier", "front");
        assertThat(containers().inspect(started.id().substring(0, 8)).name()).isEqualTo("web");

        until("both lines are logged", () -> logs("web", LogOptions.all()).equals("out:hi\nerr:err\n"));
        assertThat(logs("web", new LogOptions(false, java.util.OptionalInt.of(1), false, Optional.empty())))
                .isEqualTo("err:err\n");
        assertThat(logs("web", new LogOptions(false, java.util.OptionalInt.empty(), true, Optional.empty())))
                .matches("out:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z hi\nerr:\\S+Z err\n");

        assertThatThrownBy(() -> containers().run(image, request(List.of("true")),
                new DetachOptions(Optional.of("web"), Map.of(), false, OptionalLong.empty())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Conflict. The container name \"/web\" is already in use by container \"" + started.id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
        assertThatThrownBy(() -> containers().remove("web", false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("container is running");

        // sh as the container's pid 1 has no handler for SIGTERM, so the kernel drops it: SIGKILL after the timeout.
        ContainerInfo stopped = containers().stop("web", Optional.of(Duration.ofSeconds(1)));
        assertThat(stopped.phase()).isInstanceOf(ContainerPhase.Exited.class);
        assertThat(((ContainerPhase.Exited) stopped.phase()).exitCode()).isEqualTo(137);
        assertThat(containers().waitFor("web")).isEqualTo(((ContainerPhase.Exited) stopped.phase()).exitCode());
        assertThat(containers().list(false)).isEmpty();
        assertThat(containers().list(true).getFirst().status(Instant.now())).matches("Exited \\(137\\) .* ago");
        assertThatThrownBy(() -> containers().kill("web", Optional.empty())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is not running");

        containers().remove("web", false);
        assertThatThrownBy(() -> containers().inspect("web")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: web");
        assertNothingLeft();
    }

    /**
     * Regression: conmon's report came on the child's stdout, which the JDK closes when that child exits; conmon's
     * first process exits when it daemonises, so about every other start lost the report ("conmon ended without a
     * report"). Ten starts in a row, each of a process that exits at once.
     */
    @Test
    void everyStartGetsConmonsReport() {
        for (int i = 0; i < 10; i++) {
            ContainerInfo started = containers().run(image, request(List.of("true")), DetachOptions.defaults());
            assertThat(containers().waitFor(started.record().id())).isZero();
            containers().remove(started.record().id(), false);
        }
        assertNothingLeft();
    }

    @Test
    void anExitedContainerStartsAgainAndKeepsItsLog() throws IOException {
        containers().run(image, request(List.of("sh", "-c", "echo run; exit 7")), DetachOptions.defaults());
        String name = containers().list(true).getFirst().name();
        assertThat(name).matches("[a-z]+_[a-z]+\\d?");
        assertThat(containers().waitFor(name)).isEqualTo(7);
        containers().start(name);
        assertThat(containers().waitFor(name)).isEqualTo(7);
        until("both runs are logged", () -> logs(name, LogOptions.all()).equals("out:run\nout:run\n"));
        containers().remove(name, false);
        assertNothingLeft();
    }

    @Test
    void followingEndsWhenTheContainerExits() {
        containers().run(image, request(List.of("sh", "-c", "sleep 1; echo late; printf tail")),
                new DetachOptions(Optional.of("late"), Map.of(), false, OptionalLong.empty()));
        assertThat(logs("late", new LogOptions(true, java.util.OptionalInt.empty(), false, Optional.empty())))
                .isEqualTo("out:late\nout:tail");
        containers().remove("late", true);
        assertNothingLeft();
    }

    @Test
    void aProcessThatHandlesTheStopSignalEndsWithoutTheKill() {
        containers().run(image, request(List.of("sh", "-c", "trap 'exit 143' TERM; while true; do sleep 0.1; done")),
                new DetachOptions(Optional.of("polite"), Map.of(), false, OptionalLong.empty()));
        long start = System.nanoTime();
        ContainerInfo stopped = containers().stop("polite", Optional.empty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(stopped.phase()).isInstanceOfSatisfying(ContainerPhase.Exited.class,
                exited -> assertThat(exited.exitCode()).isEqualTo(143));
        containers().remove("polite", false);
        assertNothingLeft();
    }

    @Test
    void theLogStartsAnewPastItsSizeLimit() throws IOException {
        ContainerInfo info = containers().run(image,
                request(List.of("sh", "-c", "i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); done")),
                new DetachOptions(Optional.of("chatty"), Map.of(), false, OptionalLong.of(2000)));
        assertThat(containers().waitFor("chatty")).isZero();
        ContainerDirectory directory = new ContainerRecords(store.paths().containers()).directory(info.id());
        assertThat(Files.size(directory.log())).isLessThanOrEqualTo(2000);
        String logs = logs("chatty", LogOptions.all());
        assertThat(logs).endsWith("out:line-299\n").doesNotStartWith("out:line-0\n");
        containers().remove("chatty", false);
        assertNothingLeft();
    }

    @Test
    void aForcedRemovalKillsARunningContainer() {
        containers().run(image, request(List.of("sleep", "1000")),
                new DetachOptions(Optional.of("sleeper"), Map.of(), false, OptionalLong.empty()));
        containers().remove("sleeper", true);
        assertNothingLeft();
    }

    @Test
    void aRemoveOnExitContainerIsRemovedByConmonsExitCommand() {
        containers().run(image, request(List.of("sh", "-c", "exit 3")),
                new DetachOptions(Optional.of("gone"), Map.of(), true, OptionalLong.empty()));
        until("the exit command removed the container", () -> containers().list(true).isEmpty());
        try {
            until("the exit command released everything", this::nothingLeft);
        } catch (AssertionError timedOut) {
            assertNothingLeft();
        }
    }

    @Test
    void aMissingCommandFailsToStartAndLeavesNothing() {
        assertThatThrownBy(() -> containers().run(image, request(List.of("/no/such/binary")),
                new DetachOptions(Optional.of("broken"), Map.of(), false, OptionalLong.empty())))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("starting container broken (")
                .hasMessageContaining("/no/such/binary")
                .hasMessageContaining("no such file or directory");
        assertNothingLeft();
    }

    private DetachedContainers containers() {
        Snapshotter snapshotter = new OverlaySnapshotter(store.paths().snapshots().resolve("overlay"));
        return new DetachedContainers(store.paths().containers(), snapshotter, store.content(), runtime,
                Conmon.standard(state.resolve("conmon")), ContainerCleanup.javaCommand(), Clock.systemUTC(),
                new BridgeAttachments(store.paths().containers().resolveSibling("networks"), state.resolve("networks"),
                        Clock.systemUTC()));
    }

    private static ContainerSpec request(List<String> args) {
        return new ContainerSpec("busybox:test", Optional.empty(), args, List.of(), Optional.empty(), Optional.empty(),
                NetworkOptions.NONE, Optional.empty(), false);
    }

    /** Both streams, each line prefixed {@code out:} or {@code err:} in the order they came. */
    private String logs(String container, LogOptions options) {
        var all = new ByteArrayOutputStream();
        containers().logs(container, options, (stream, bytes) -> {
            all.writeBytes((stream == LogStream.STDOUT ? "out:" : "err:").getBytes());
            all.writeBytes(bytes);
        });
        return all.toString();
    }

    private void assertNothingLeft() {
        assertThat(leftovers()).isEmpty();
    }

    private boolean nothingLeft() {
        return leftovers().isEmpty();
    }

    /** Container directories, runtime containers, conmon processes, mounts and active snapshots left. */
    private List<String> leftovers() {
        var left = new java.util.ArrayList<String>();
        try (Stream<Path> entries = Files.list(store.paths().containers())) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(n -> left.add("dir " + n));
        } catch (IOException e) {
            left.add("containers unreadable: " + e);
        }
        try (Stream<Path> entries = Files.list(runtime.stateRoot())) {
            entries.filter(Files::isDirectory).forEach(p -> left.add("runc " + p.getFileName()));
        } catch (IOException e) {
            left.add("runc state unreadable: " + e);
        }
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("conmon")
                && p.info().commandLine().orElse("").contains(store.paths().containers().toString()))
                .forEach(p -> left.add("conmon " + p.pid()));
        try {
            Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains(root.toString()))
                    .forEach(l -> left.add("mount " + l));
        } catch (IOException e) {
            left.add("mountinfo unreadable: " + e);
        }
        new OverlaySnapshotter(store.paths().snapshots().resolve("overlay")).list().stream()
                .filter(s -> s.kind() == SnapshotInfo.Kind.ACTIVE).forEach(s -> left.add("snapshot " + s.name()));
        try (Stream<Path> links = Files.exists(state.resolve("conmon")) ? Files.list(state.resolve("conmon")) : Stream.empty()) {
            links.forEach(p -> left.add("attach link " + p.getFileName()));
        } catch (IOException e) {
            left.add("sockets unreadable: " + e);
        }
        return left;
    }

    private static void until(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
