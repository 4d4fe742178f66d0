package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.store.IndexEntry;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth build} and {@code berth run} killed in the middle of a container (root, runc, overlayfs): each runs
 * in a child JVM; after {@code kill -9} the container, its mount, active snapshot, bundle and the build's work
 * directory stay until the next command sweeps them; after Ctrl-C nothing stays; a sweep leaves a live build alone.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path work;

    Path root;
    Path state;
    Path context;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void storeWithBusybox() throws IOException {
        root = work.resolve("store");
        state = work.resolve("state");
        context = Files.createDirectories(work.resolve("context"));
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.systemUTC()).build());
                InputStream in = Files.newInputStream(BaseImages.standard().busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:latest").message("test").build());
        }
    }

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        // Whatever a failed test left is swept, so the machine keeps no mount or runc container of it.
        berth("system", "prune");
    }

    @Test
    void aBuildKilledWithSigkillLeavesItsContainerUntilTheNextBuildSweepsIt() throws Exception {
        Process build = startBuild("slow", "RUN echo started && sleep 30");
        awaitRunningContainer();
        assertThat(leftovers()).as("the live build's things").containsExactlyInAnyOrder(
                "record", "bundle", "mount", "runc container", "active snapshot", "build record");

        build.destroyForcibly();
        assertThat(build.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(leftovers()).as("what kill -9 left").containsExactlyInAnyOrder(
                "record", "bundle", "mount", "runc container", "active snapshot", "build record");

        assertThat(berth("build", "-q", "--root", root.toString(), "--runtime-state", state.toString(), "-t", "next",
                dockerfile("RUN echo next > /next")).exit()).isZero();

        assertThat(leftovers()).isEmpty();
        assertStoreIsConsistent();
    }

    @Test
    void aBuildStoppedWithCtrlCLeavesNothing() throws Exception {
        Process build = startBuild("slow", "RUN echo started && sleep 30");
        awaitRunningContainer();

        new ProcessBuilder("kill", "-INT", Long.toString(build.pid())).start().waitFor();

        assertThat(build.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(leftovers()).isEmpty();
        assertStoreIsConsistent();
    }

    @Test
    void aSweepDuringAnotherBuildLeavesThatBuildAlone() throws Exception {
        Process slow = startBuild("slow", "RUN echo started && sleep 30");
        awaitRunningContainer();
        List<String> live = leftovers();

        CliProcess.Outcome other = berth("build", "-q", "--root", root.toString(), "--runtime-state", state.toString(), "-t", "other",
                dockerfile("RUN echo other > /other"));
        CliProcess.Outcome prune = berth("system", "prune", "--root", root.toString());

        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(prune.out()).doesNotContain("removed leftover");
        assertThat(slow.isAlive()).isTrue();
        assertThat(leftovers()).isEqualTo(live);
        assertThat(runcContainers()).hasSize(1);
    }

    @Test
    void aRunKilledWithSigkillIsReportedAndRemovedByPrune() throws Exception {
        // --network none: this is the sandbox's sweep; a bridge's setup is swept after a minute's grace (BridgeLeftovers).
        Process run = start("run", "--root", root.toString(), "--runtime-state", state.toString(), "--network", "none",
                "busybox", "sh", "-c", "sleep 30");
        awaitRunningContainer();
        String id = runcContainers().getFirst();

        run.destroyForcibly();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
        CliProcess.Outcome prune = berth("system", "prune", "--root", root.toString());

        assertThat(prune.out()).startsWith("removed leftover: run container " + id + " (pid " + run.pid()
                + " gone): runtime container, mount, snapshot, bundle\n");
        assertThat(leftovers()).isEmpty();
    }

    /** What of a container or build is on disk, in the kernel's mount table or in runc's state. */
    private List<String> leftovers() throws IOException {
        List<String> found = new ArrayList<>();
        Path containers = root.resolve("containers");
        if (list(containers).stream().anyMatch(p -> p.getFileName().toString().endsWith(".owner"))) {
            found.add("record");
        }
        if (list(containers).stream().anyMatch(Files::isDirectory)) {
            found.add("bundle");
        }
        if (Files.readString(Path.of("/proc/self/mountinfo")).contains(containers.toString())) {
            found.add("mount");
        }
        if (!runcContainers().isEmpty()) {
            found.add("runc container");
        }
        if (!list(root.resolve("snapshots/overlay/active")).isEmpty()) {
            found.add("active snapshot");
        }
        if (list(root.resolve("cache/builds")).stream().anyMatch(p -> p.getFileName().toString().endsWith(".owner"))) {
            found.add("build record");
        }
        return found;
    }

    private List<String> runcContainers() throws IOException {
        return list(state.resolve("runc")).stream().filter(Files::isDirectory).map(p -> p.getFileName().toString())
                .toList();
    }

    /** Every blob hashes to its name, index.json parses, and every image it lists has its manifest, config and layers. */
    private void assertStoreIsConsistent() throws Exception {
        for (Path blob : list(root.resolve("blobs/sha256"))) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(blob));
            assertThat(HexFormat.of().formatHex(hash)).as(blob.toString()).isEqualTo(blob.getFileName().toString());
        }
        assertThat(list(root.resolve("ingest"))).isEmpty();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            List<IndexEntry> images = store.images().list();
            assertThat(images).isNotEmpty();
            ImageJson json = ImageJson.standard();
            for (IndexEntry image : images) {
                Digest manifestDigest = image.descriptor().digest();
                byte[] bytes;
                try (InputStream in = store.content().open(manifestDigest)) {
                    bytes = in.readAllBytes();
                }
                var manifest = json.readManifest(bytes, manifestDigest.toString());
                assertThat(store.content().info(manifest.config().digest())).isPresent();
                manifest.layers().forEach(layer -> assertThat(store.content().info(layer.digest())).isPresent());
            }
        }
    }

    private Process startBuild(String tag, String step) throws IOException {
        return start("build", "--progress=plain", "--root", root.toString(), "--runtime-state", state.toString(),
                "-t", tag, dockerfile(step));
    }

    /** A context directory holding {@code FROM busybox} and the step. */
    private String dockerfile(String step) throws IOException {
        Path dir = Files.createTempDirectory(context, "ctx");
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n" + step + "\n", StandardCharsets.UTF_8);
        return dir.toString();
    }

    private void awaitRunningContainer() throws Exception {
        await("a running RUN container", () -> {
            try {
                return runcContainers().stream().anyMatch(id -> Files.exists(state.resolve("runc").resolve(id)
                        .resolve("state.json"))) && Files.readString(Path.of("/proc/self/mountinfo"))
                        .contains(root.resolve("containers").toString());
            } catch (IOException e) {
                return false;
            }
        });
        // runc writes its state before it starts the process; give `sleep` a moment to be exec'd.
        Thread.sleep(300);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Process start(String... args) throws IOException {
        // A JVM leaves SIGINT ignored if it started that way, as a test runner launched in the background by a
        // non-interactive shell passes it on: env restores the default, so the child's Ctrl-C handling is what is tested.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        children.add(process);
        return process;
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
