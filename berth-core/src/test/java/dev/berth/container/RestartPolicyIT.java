package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.RuntimeDetector;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart policies without a daemon (root, runc, conmon): conmon's exit command starts a container again as its
 * policy says when its process exits on its own, never after the user's stop.
 */
@ExtendWith(IntegrationFixtures.class)
class RestartPolicyIT {

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

    /** {@code --restart on-failure:2} and {@code sh -c 'exit 3'}: two restarts, then it stays exited with code 3. */
    @Test
    void onFailureRestartsUpToItsMaximumThenStaysExited() throws InterruptedException {
        ContainerInfo info = containers().run(image, request(List.of("sh", "-c", "echo run; exit 3")),
                detached("failing", new RestartRule("on-failure", 2)));
        ContainerDirectory directory = new ContainerRecords(store.paths().containers()).directory(info.id());
        HealthcheckIT.until("two restarts, then the end", () -> settled(directory, 2));
        // Nothing is left to restart it: the count stays.
        Thread.sleep(1500);
        ContainerInfo last = containers().inspect("failing");
        assertThat(last.record().restartCount()).isEqualTo(2);
        assertThat(last.phase()).isInstanceOfSatisfying(ContainerPhase.Exited.class,
                exited -> assertThat(exited.exitCode()).isEqualTo(3));
        assertThat(logs("failing")).isEqualTo("run\nrun\nrun\n");
        containers().remove("failing", false);
    }

    /** {@code --restart always}: the user's stop is not undone, nor a kill. */
    @Test
    void alwaysIsNotRestartedAfterTheUsersStopOrKill() throws InterruptedException {
        ContainerInfo info = containers().run(image, request(List.of("sleep", "1000")),
                detached("steady", new RestartRule("always", 0)));
        ContainerDirectory directory = new ContainerRecords(store.paths().containers()).directory(info.id());
        containers().stop("steady", Optional.of(Duration.ofSeconds(1)));
        Thread.sleep(1500);
        ContainerInfo stopped = containers().inspect("steady");
        assertThat(stopped.phase()).isInstanceOf(ContainerPhase.Exited.class);
        assertThat(stopped.record().restartCount()).isZero();
        assertThat(Conmon.isRunning(directory)).isFalse();

        // A start by the user lets the policy act again; its own exit is restarted, a kill is not.
        containers().start("steady");
        containers().kill("steady", Optional.empty());
        Thread.sleep(1500);
        assertThat(containers().inspect("steady").phase()).isInstanceOf(ContainerPhase.Exited.class);
        assertThat(containers().inspect("steady").record().restartCount()).isZero();
        containers().remove("steady", false);
    }

    /** {@code --restart always} with a process that ends by itself: started again, the count going up. */
    @Test
    void alwaysRestartsAProcessThatEndsByItself() {
        containers().run(image, request(List.of("sh", "-c", "sleep 0.2")), detached("cycling", new RestartRule("always", 0)));
        HealthcheckIT.until("two restarts", () -> containers().inspect("cycling").record().restartCount() >= 2);
        containers().remove("cycling", true);
        assertThat(containers().list(true)).isEmpty();
    }

    private boolean settled(ContainerDirectory directory, int restarts) {
        ContainerInfo info = containers().inspect(directory.id());
        return info.record().restartCount() == restarts && info.phase() instanceof ContainerPhase.Exited
                && !Conmon.isRunning(directory);
    }

    private String logs(String container) {
        var all = new java.io.ByteArrayOutputStream();
        containers().logs(container, LogOptions.all(), (stream, bytes) -> all.writeBytes(bytes));
        return all.toString();
    }

    private static DetachOptions detached(String name, RestartRule restart) {
        return new DetachOptions(Optional.of(name), Map.of(), false, OptionalLong.empty(), Optional.empty(), restart);
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
}
