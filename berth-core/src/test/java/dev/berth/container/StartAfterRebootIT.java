package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ExecRequest;
import dev.berth.api.HostOptions;
import dev.berth.api.ImportRequest;
import dev.berth.api.RestartPolicy;
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
import java.time.Instant;
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
 * then {@code Exited (255)}; {@code start} mounts its snapshot again, with what it changed before, and runs it; one
 * whose restart policy says so is started by the first container command after the boot ({@link BootRestarts}).
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
        for (String name : List.of("rebooted", "always", "stopped-always", "stopped-unless")) {
            try {
                berth.containers().remove(name, true);
            } catch (RuntimeException alreadyGone) {
                // Removed by the test.
            }
        }
        berth.close();
    }

    @Test
    void afterTheHostRestartedStartMountsTheRootAgainAndRestartPoliciesStartTheirContainers() throws Exception {
        ContainerSummary plain = berth.containers().run(RunRequest.builder("busybox:reboot")
                .command(List.of("sh", "-c", "echo kept > /kept && exec sleep 1000")).network(ContainerNetwork.NONE)
                .build(), Optional.of("rebooted"), Map.of(), false);
        ContainerSummary always = berth.containers().run(RunRequest.builder("busybox:reboot")
                .command(List.of("sh", "-c", "echo kept > /kept && exec sleep 1000")).network(ContainerNetwork.NONE)
                .host(HostOptions.defaults().withRestart(new RestartPolicy.Always())).build(),
                Optional.of("always"), Map.of(), false);
        // Stopped by the user before the restart: Docker's daemon starts `always` ones at boot, not `unless-stopped`.
        ContainerSummary stoppedAlways = stoppedByTheUser("stopped-always", new RestartPolicy.Always());
        ContainerSummary stoppedUnless = stoppedByTheUser("stopped-unless", new RestartPolicy.UnlessStopped());
        awaitFile(plain.id());
        awaitFile(always.id());
        ContainerRecords records = new ContainerRecords(root.resolve("containers"));
        for (ContainerSummary container : List.of(plain, always, stoppedAlways, stoppedUnless)) {
            reboot(records.directory(container.id()));
        }
        Instant bootedAfterTheirStart = Instant.now().plusSeconds(1);

        berth.close();
        berth = open(root);
        assertThat(berth.containers().summary("rebooted").status()).startsWith("Exited (255)");
        assertThat(berth.containers().summary("always").status()).startsWith("Exited (255)");

        // What the first command after a boot does (BootRestarts.of reads the real boot time: long before).
        Path procStat = Files.writeString(state.resolve("stat"), "cpu 1 2 3\nbtime "
                + bootedAfterTheirStart.getEpochSecond() + "\n");
        var boot = new BootRestarts(records, state.resolve("boot-restarts").resolve("store"), procStat);
        List<RuntimeException> failures = new java.util.ArrayList<>();
        assertThat(boot.startDue(id -> berth.containers().start(id), failures::add))
                .containsExactlyInAnyOrder("always", "stopped-always");
        assertThat(berth.containers().summary("stopped-unless").state()).isEqualTo("exited");
        assertThat(failures).isEmpty();
        assertThat(berth.containers().summary("always").state()).isEqualTo("running");
        assertThat(berth.containers().summary("rebooted").state()).as("no restart policy").isEqualTo("exited");
        assertThat(boot.startDue(id -> berth.containers().start(id), failures::add)).as("once per boot").isEmpty();

        berth.containers().start("rebooted");
        assertThat(berth.containers().summary("rebooted").state()).isEqualTo("running");
        for (String name : List.of("rebooted", "always")) {
            assertThat(berth.execs().run(ExecRequest.of(name, List.of("sh", "-c", "grep -qx kept /kept"))))
                    .as("the change %s made before the restart is still there", name).isZero();
        }
        berth.containers().remove("rebooted", true);
        berth.containers().remove("always", true);
        assertThat(records.directory(plain.id()).path()).doesNotExist();
    }

    private ContainerSummary stoppedByTheUser(String name, RestartPolicy policy) {
        ContainerSummary container = berth.containers().run(RunRequest.builder("busybox:reboot")
                .command(List.of("sleep", "1000")).network(ContainerNetwork.NONE)
                .host(HostOptions.defaults().withRestart(policy)).build(),
                Optional.of(name), Map.of(), false);
        berth.containers().stop(name, Optional.of(Duration.ZERO));
        return container;
    }

    /** As a host restart leaves a container: conmon and its process gone unseen, unmounted, no runtime state. */
    private void reboot(ContainerDirectory directory) throws IOException {
        for (Path pidFile : List.of(directory.conmonPidFile(), directory.pidFile())) {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
            }
        }
        HostCommand.of("umount", directory.rootfs().toString()).run().orThrow();
        deleteRuntimeState(directory.id());
        assertThat(TreeRemover.isMountPoint(directory.rootfs())).isFalse();
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
