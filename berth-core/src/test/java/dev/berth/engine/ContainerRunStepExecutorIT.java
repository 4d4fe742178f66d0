package dev.berth.engine;

import static dev.berth.engine.RunFixture.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.RootfsView;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.CopySnapshotter;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.snapshot.SnapshotInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUN steps on the busybox layer through real runc and overlayfs. Needs root. */
class ContainerRunStepExecutorIT {

    @TempDir
    Path work;

    RunFixture fixture;
    ContainerRunStepExecutor overlay;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RunFixture(work);
        overlay = fixture.executor(OverlaySnapshotter::new, "overlay");
    }

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        assertThat(overlay.snapshotter().list()).allMatch(s -> s.kind() == SnapshotInfo.Kind.COMMITTED);
        try (var bundles = Files.list(fixture.store.paths().containers())) {
            assertThat(bundles).isEmpty();
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(work.toString());
    }

    @Test
    void newLayerHoldsExactlyTheFileAndTheWhiteoutAndNoRuntimeMountPoints() throws IOException {
        var layer = overlay.run(invocation(List.of("/bin/sh", "-c", "echo hi > /x && rm /bin/ls && echo done"), "",
                SandboxNetwork.HOST, List.of(), fixture.busybox, log)).orElseThrow();

        assertThat(fixture.entries(layer)).containsExactly("bin/", "bin/.wh.ls", "x=hi");
        assertThat(log.toString()).isEqualTo("done\n");
    }

    @Test
    void aRunLeavesItsLayerAsACommittedSnapshotThatTheNextRunStartsFrom() {
        LayerRef layer = overlay.run(invocation(List.of("/bin/sh", "-c", "echo hi > /x"), "", SandboxNetwork.HOST,
                List.of(), fixture.busybox, log)).orElseThrow();
        Digest chain = ChainIds.of(List.of(fixture.busybox.diffId(), layer.diffId())).getLast();

        assertThat(overlay.snapshotter().isCommitted(chain)).isTrue();
        overlay.run(new RunInvocation(List.of(fixture.busybox, layer), new SandboxProcess(List.of("cat", "/x"), List.of(),
                "", "/"), SandboxNetwork.HOST, List.of(), log, Optional.empty()));
        assertThat(log.toString()).isEqualTo("hi\n");
    }

    /** SOURCE_DATE_EPOCH rewrites the layer's times: a snapshot of the RUN's own files would not be that layer. */
    @Test
    void withSourceDateEpochTheLayerIsUnpackedNotTheRunsSnapshotKept() {
        LayerRef layer = overlay.run(new RunInvocation(List.of(fixture.busybox), new SandboxProcess(
                List.of("/bin/sh", "-c", "echo hi > /x"), List.of(), "", "/"), SandboxNetwork.HOST, List.of(), log,
                Optional.of(java.time.Instant.EPOCH))).orElseThrow();

        assertThat(overlay.snapshotter().isCommitted(
                ChainIds.of(List.of(fixture.busybox.diffId(), layer.diffId())).getLast())).isFalse();
    }

    @Test
    void aViewShowsTheLayersFilesReadOnlyAndLeavesNothingWhenClosed() throws IOException {
        LayerRef layer = overlay.run(invocation(List.of("/bin/sh", "-c", "echo hi > /x && rm /bin/ls"), "",
                SandboxNetwork.HOST, List.of(), fixture.busybox, log)).orElseThrow();

        try (RootfsView view = overlay.view(List.of(fixture.busybox, layer)).orElseThrow()) {
            assertThat(Files.readString(view.root().resolve("x"))).isEqualTo("hi\n");
            assertThat(view.root().resolve("bin/ls")).doesNotExist();
            assertThat(view.root().resolve("bin/sh")).exists();
            assertThatThrownBy(() -> Files.writeString(view.root().resolve("y"), "no")).isInstanceOf(IOException.class);
        }
        assertThat(overlay.view(List.of())).isEmpty();
    }

    @Test
    void aStepThatChangesNothingGivesNoLayer() {
        assertThat(overlay.run(invocation(List.of("true"), "", SandboxNetwork.HOST, List.of(), fixture.busybox, log))).isEmpty();
    }

    @Test
    void runsAsTheImageUserResolvedFromItsPasswdFile() {
        overlay.run(invocation(List.of("sh", "-c", "id -u; id -g; echo $HOME"), "nobody", SandboxNetwork.HOST, List.of(),
                fixture.busybox, log));
        overlay.run(invocation(List.of("sh", "-c", "id -u; id -g"), "1234:5", SandboxNetwork.HOST, List.of(),
                fixture.busybox, log));

        assertThat(log.toString().lines()).containsExactly("65534", "65534", "/nonexistent", "1234", "5");
    }

    @Test
    void anUnknownUserNameIsAnError() {
        assertThatThrownBy(() -> overlay.run(invocation(List.of("true"), "nosuchuser", SandboxNetwork.HOST, List.of(),
                fixture.busybox, log))).isInstanceOf(ExecutionException.class)
                .hasMessage("RUN: unable to find user nosuchuser: no matching entries in passwd file");
    }

    @Test
    void networkNoneHasOnlyLoopbackAndHostSeesMore() {
        overlay.run(invocation(List.of("ls", "/sys/class/net"), "", SandboxNetwork.NONE, List.of(), fixture.busybox, log));
        assertThat(log.toString()).isEqualTo("lo\n");
        log.reset();

        overlay.run(invocation(List.of("ls", "/sys/class/net"), "", SandboxNetwork.HOST, List.of(), fixture.busybox, log));
        assertThat(log.toString().lines().count()).isGreaterThan(1);
    }

    @Test
    void aFailingCommandNamesItsExitCodeAndLeavesNothing() {
        assertThatThrownBy(() -> overlay.run(invocation(List.of("sh", "-c", "echo oops >&2; exit 3"), "", SandboxNetwork.HOST,
                List.of(), fixture.busybox, log))).isInstanceOf(ExecutionException.class)
                .hasMessage("RUN sh -c echo oops >&2; exit 3 exited with code 3");
        assertThat(log.toString()).isEqualTo("oops\n");
    }

    @Test
    void mountedDirectoriesAreWrittenThroughAndNeverReachTheLayer() throws IOException {
        Path cache = Files.createDirectories(work.resolve("cache"));
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("in.txt"), "from context");
        var mounts = List.of(HostMount.bind(cache, "/root/.cache", false), HostMount.bind(context, "/src", true),
                HostMount.tmpfs("/scratch"));

        var layer = overlay.run(invocation(List.of("sh", "-c",
                "cat /src/in.txt > /root/.cache/copied && echo t > /scratch/t && echo y > /y && "
                        + "(touch /src/nope 2>/dev/null || echo read-only)"),
                "", SandboxNetwork.HOST, mounts, fixture.busybox, log)).orElseThrow();

        assertThat(Files.readString(cache.resolve("copied"))).isEqualTo("from context");
        assertThat(log.toString()).isEqualTo("read-only\n");
        assertThat(fixture.entries(layer)).containsExactly("y=y");
    }

    @Test
    void aSecretFileIsReadableAndNeitherItNorItsMountPointReachesTheLayer() throws IOException {
        Path secret = Files.writeString(work.resolve("token"), "s3cr3t");
        var mounts = List.of(HostMount.bind(secret, "/run/secrets/token", true));

        var layer = overlay.run(invocation(List.of("sh", "-c", "wc -c < /run/secrets/token > /used"), "", SandboxNetwork.HOST,
                mounts, fixture.busybox, log)).orElseThrow();

        assertThat(fixture.entries(layer)).containsExactly("used=6");
    }

    @Test
    void theCopySnapshotterGivesTheSameLayerEntries() throws IOException {
        var copy = fixture.executor(root -> new CopySnapshotter(root, true), "copy");
        var command = List.of("sh", "-c", "echo hi > /x && rm /bin/ls && mkdir -p /opt/a && echo b > /opt/a/b");

        var fromOverlay = overlay.run(invocation(command, "", SandboxNetwork.HOST, List.of(), fixture.busybox, log)).orElseThrow();
        var fromCopy = copy.run(invocation(command, "", SandboxNetwork.HOST, List.of(), fixture.busybox, log)).orElseThrow();

        assertThat(fixture.entries(fromCopy)).isEqualTo(fixture.entries(fromOverlay))
                .containsExactly("bin/", "bin/.wh.ls", "opt/", "opt/a/", "opt/a/b=b", "x=hi");
    }

    @Test
    void aSecondStepSeesTheFirstStepsLayer() {
        var first = overlay.run(invocation(List.of("sh", "-c", "echo one > /one"), "", SandboxNetwork.HOST, List.of(),
                fixture.busybox, log)).orElseThrow();
        var next = new RunInvocation(List.of(fixture.busybox, first),
                new SandboxProcess(List.of("cat", "/one"), List.of(), "", "/made/by/workdir"), SandboxNetwork.HOST, List.of(), log,
                java.util.Optional.empty());

        var layer = overlay.run(next);

        assertThat(log.toString()).isEqualTo("one\n");
        assertThat(layer).isPresent();
    }

    @Test
    void runStepsGetTheDefaultSeccompFilter() {
        assertThat(fixture.runtime.supportsSeccomp()).isTrue();

        overlay.run(invocation(List.of("sh", "-c", "unshare -U true 2>&1; echo $?"), "", SandboxNetwork.HOST, List.of(),
                fixture.busybox, log));

        assertThat(log.toString()).isEqualTo("unshare: unshare(0x10000000): Operation not permitted\n1\n");
    }

    @Test
    void anInterruptedStepLeavesNoContainerMountOrSnapshot() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> step = threads.submit(() -> overlay.run(invocation(List.of("sh", "-c", "echo started; sleep 30"), "",
                    SandboxNetwork.HOST, List.of(), fixture.busybox, log)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!log.toString().contains("started") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long interruptedAt = System.nanoTime();
            step.cancel(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - interruptedAt)).isLessThan(10);
        }
        try (var states = Files.list(work.resolve("runtime-state"))) {
            assertThat(states.flatMap(RunFixture::listQuietly).filter(p -> p.getFileName().toString().startsWith("berth-run")))
                    .isEmpty();
        }
    }

    @Test
    void ctrlCStopsTheStepAndTheShutdownHookLeavesNothing() throws Exception {
        // Make the snapshot first, so the child only runs the step.
        overlay.run(invocation(List.of("true"), "", SandboxNetwork.HOST, List.of(), fixture.busybox, log));
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var blob = fixture.busybox.blob();
        // A JVM leaves SIGINT ignored if it started that way, as a test runner launched in the background by a
        // non-interactive shell passes it on: env restores the default, so the child's Ctrl-C handling is what is tested.
        Process child = new ProcessBuilder("env", "--default-signal=INT", javaBinary, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), RunStepMain.class.getName(), fixture.store.paths().root().toString(),
                work.resolve("runtime-state").toString(), blob.digest().toString(), Long.toString(blob.size()),
                fixture.busybox.diffId().toString(), "sh", "-c", "echo started; sleep 30")
                .redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        assertThat(output.readLine()).isEqualTo("started");

        long interruptedAt = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();

        assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - interruptedAt)).isLessThan(15);
        try (var states = Files.list(work.resolve("runtime-state"))) {
            assertThat(states.flatMap(RunFixture::listQuietly).filter(p -> p.getFileName().toString().startsWith("berth-run")))
                    .isEmpty();
        }
    }

    @Test
    void measuresRunTrueEndToEnd() {
        long overlayMillis = millisPerRunTrue(overlay);
        long copyMillis = millisPerRunTrue(fixture.executor(root -> new CopySnapshotter(root, true), "copy"));
        System.out.printf("RUN true end to end on busybox with %s: overlay %d ms, copy %d ms per step%n",
                fixture.runtime.name(), overlayMillis, copyMillis);
        assertThat(overlayMillis).isLessThan(5_000);
    }

    private long millisPerRunTrue(ContainerRunStepExecutor executor) {
        // The first step unpacks the layer into a snapshot; the rest reuse it, as later steps of a build do.
        executor.run(invocation(List.of("true"), "", SandboxNetwork.HOST, List.of(), fixture.busybox, log));
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            executor.run(invocation(List.of("true"), "", SandboxNetwork.HOST, List.of(), fixture.busybox, log));
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / runs;
    }
}
