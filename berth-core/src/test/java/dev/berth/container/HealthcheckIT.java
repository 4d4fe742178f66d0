package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.HealthConfig;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.RuntimeDetector;
import dev.berth.runtime.Stdio;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.store.BlobInfo;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Healthchecks without a daemon (root, runc, conmon): the health monitor beside conmon runs the test in the
 * container, steps Docker's state machine, and is gone with the container.
 */
@ExtendWith(IntegrationFixtures.class)
class HealthcheckIT {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

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

    /** {@code --health-cmd 'test -f /tmp/ok' --health-interval 1s}: starting, unhealthy after 3 failures, healthy. */
    @Test
    void goesUnhealthyAfterItsRetriesThenHealthyOnceTheTestPasses() {
        ContainerInfo info = containers().run(image, request(List.of("sleep", "1000")),
                detached("checked", new HealthConfig(List.of("CMD-SHELL", "test -f /tmp/ok"), SECOND, 0, 0, 0, 0)));
        ContainerDirectory directory = directory(info);
        assertThat(HealthStateFile.read(directory)).map(HealthState::status).contains(HealthState.STARTING);
        long monitor = HealthMonitor.runningPid(directory).orElseThrow();

        until("three failures make it unhealthy", () -> status(directory).equals(HealthState.UNHEALTHY));
        HealthState unhealthy = HealthStateFile.read(directory).orElseThrow();
        assertThat(unhealthy.failingStreak()).isEqualTo(HealthChecks.DEFAULT_RETRIES);
        assertThat(unhealthy.log()).hasSize(3).allSatisfy(probe -> assertThat(probe.exitCode()).isEqualTo(1));

        assertThat(containers().exec("checked", new ExecSpec(List.of("touch", "/tmp/ok"), List.of(), Optional.empty(),
                Optional.empty(), false, false), Stdio.discard())).isZero();
        until("a pass makes it healthy", () -> status(directory).equals(HealthState.HEALTHY));
        assertThat(HealthStateFile.read(directory).orElseThrow().failingStreak()).isZero();

        containers().remove("checked", true);
        assertThat(ProcessHandle.of(monitor).filter(ProcessHandle::isAlive)).as("the monitor after rm -f").isEmpty();
        assertThat(Files.exists(directory.path())).isFalse();
    }

    /** A test past its timeout counts as a failure with Docker's text; a killed monitor leaves the state whole and comes back. */
    @Test
    void aTimedOutTestFailsAndAKilledMonitorLeavesItsStateWhole() {
        long half = SECOND / 2;
        ContainerInfo info = containers().run(image, request(List.of("sleep", "1000")),
                detached("slow", new HealthConfig(List.of("CMD", "sleep", "5"), half, half, 0, 0, 1)));
        ContainerDirectory directory = directory(info);
        until("the timeout makes it unhealthy", () -> status(directory).equals(HealthState.UNHEALTHY));
        HealthProbe probe = HealthStateFile.read(directory).orElseThrow().log().getFirst();
        assertThat(probe.exitCode()).isEqualTo(-1);
        assertThat(probe.output()).isEqualTo("Health check exceeded timeout (500ms)");

        long monitor = HealthMonitor.runningPid(directory).orElseThrow();
        ProcessHandle.of(monitor).orElseThrow().destroyForcibly();
        until("the monitor is gone", () -> ProcessHandle.of(monitor).filter(ProcessHandle::isAlive).isEmpty());
        assertThat(HealthStateFile.read(directory)).map(HealthState::status).contains(HealthState.UNHEALTHY);

        // Regression (compose up --wait hung when the monitor died with the command that started it): the next look
        // at the running container brings a monitor back, the state kept.
        containers().inspect("slow");
        long revived = HealthMonitor.runningPid(directory).orElseThrow();
        assertThat(revived).isNotEqualTo(monitor);
        assertThat(HealthStateFile.read(directory)).map(HealthState::status).contains(HealthState.UNHEALTHY);
        java.time.Instant last = HealthStateFile.read(directory).orElseThrow().log().getLast().start();
        until("the revived monitor probes", () -> HealthStateFile.read(directory).orElseThrow().log().getLast().start()
                .isAfter(last));

        // A start gives it a new monitor, starting again.
        containers().stop("slow", Optional.of(Duration.ofSeconds(1)));
        containers().start("slow");
        assertThat(HealthStateFile.read(directory)).map(HealthState::status).contains(HealthState.STARTING);
        assertThat(HealthMonitor.runningPid(directory)).isPresent().isNotEqualTo(Optional.of(monitor));
        containers().remove("slow", true);
    }

    private String status(ContainerDirectory directory) {
        return HealthStateFile.read(directory).map(HealthState::status).orElse("");
    }

    private ContainerDirectory directory(ContainerInfo info) {
        return new ContainerRecords(store.paths().containers()).directory(info.id());
    }

    private static DetachOptions detached(String name, HealthConfig health) {
        return new DetachOptions(Optional.of(name), Map.of(), false, OptionalLong.empty(), Optional.of(health),
                RestartRule.never());
    }

    private DetachedContainers containers() {
        return new DetachedContainers(store.paths().containers(),
                new OverlaySnapshotter(store.paths().snapshots().resolve("overlay")), store.content(), runtime,
                Conmon.standard(state.resolve("conmon")), ContainerCleanup.javaCommand(), Clock.systemUTC(),
                new BridgeAttachments(store.paths().containers().resolveSibling("networks"), state.resolve("networks"),
                        Clock.systemUTC()));
    }

    private static ContainerSpec request(List<String> args) {
        return new ContainerSpec("busybox:test", Optional.empty(), args, List.of(), Optional.empty(), Optional.empty(),
                NetworkOptions.NONE, Optional.empty(), false);
    }

    static void until(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
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
