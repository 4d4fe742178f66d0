package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ExecRequest;
import dev.berth.api.ImportRequest;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.layer.TreeRemover;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host restart, as far as a test can make one: conmon and the container's process killed with no exit file
 * written, the root file system's overlay unmounted and the runtime's state (on {@code /run}) gone. The container is
 * then {@code Exited (255)}; {@code start} mounts its snapshot again, with what it changed before, and runs it.
 */
@ExtendWith(IntegrationFixtures.class)
class StartAfterRebootIT {

    @TempDir
    Path root;
    @TempDir
    Path state;
    private Berth berth;

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        StoreLayout layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        berth = open(layout.root());
        try (InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:reboot").message("test").build());
        }
    }

    private Berth open(Path store) {
        return Berth.open(Settings.builder().root(store).environment(Map.of()).clock(Clock.systemUTC())
                .runtimeState(state).runtime("runc").build());
    }

    @AfterEach
    void remove() {
        try {
            berth.containers().remove("rebooted", true);
        } catch (RuntimeException alreadyGone) {
            // Removed by the test.
        }
        berth.close();
    }

    @Test
    void startAfterTheHostRestartedMountsTheRootAgainWithItsChanges() throws Exception {
        ContainerSummary run = berth.containers().run(RunRequest.builder("busybox:reboot")
                .command(List.of("sh", "-c", "echo kept > /kept && exec sleep 1000")).network(ContainerNetwork.NONE)
                .build(), Optional.of("rebooted"), Map.of(), false);
        awaitFile(run.id());
        ContainerDirectory directory = ContainerDirectory.of(root.resolve("containers"), run.id());

        long conmon = Long.parseLong(Files.readString(directory.conmonPidFile()).strip());
        long process = Long.parseLong(Files.readString(directory.pidFile()).strip());
        HostCommand.of("kill", "-9", Long.toString(conmon), Long.toString(process)).run().orThrow();
        ProcessHandle.of(process).ifPresent(handle -> handle.onExit().join());
        HostCommand.of("umount", directory.rootfs().toString()).run().orThrow();
        deleteRuntimeState(run.id());
        assertThat(TreeRemover.isMountPoint(directory.rootfs())).isFalse();

        berth.close();
        berth = open(root);
        assertThat(berth.containers().summary("rebooted").status()).startsWith("Exited (255)");

        berth.containers().start("rebooted");
        assertThat(berth.containers().summary("rebooted").state()).isEqualTo("running");
        assertThat(berth.execs().run(ExecRequest.of("rebooted", List.of("sh", "-c", "grep -qx kept /kept"))))
                .as("the change made before the restart is still there").isZero();

        berth.containers().remove("rebooted", true);
        assertThat(directory.path()).doesNotExist();
    }

    /** Waits until the container has written /kept (its exec'd sleep then runs). */
    private void awaitFile(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (berth.execs().run(ExecRequest.of(id, List.of("test", "-f", "/kept"))) != 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Removes the runtime's state of the container, as a reboot empties {@code /run}. */
    private void deleteRuntimeState(String id) throws IOException {
        try (Stream<Path> paths = Files.walk(state)) {
            List<Path> states = paths.filter(path -> path.getFileName().toString().equals(id) && Files.isDirectory(path))
                    .toList();
            assertThat(states).as("the runtime's state directory of the container").isNotEmpty();
            for (Path directory : states) {
                try (Stream<Path> inside = Files.walk(directory)) {
                    for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }
}
