package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ContainerDetails;
import dev.berth.api.ContainerFilter;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.HostOptions;
import dev.berth.api.ImportRequest;
import dev.berth.api.RestartPolicy;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.error.ConflictException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's {@code Restarting} state (runc, conmon): a container whose process keeps exiting under
 * {@code --restart always} is {@code restarting} while its exit command waits out the growing delay: {@code ps}
 * lists it without {@code -a} as {@code Restarting (3) N seconds ago}, {@code inspect} says {@code Running} and
 * {@code Restarting}; {@code rm} without force is refused in Docker's words; {@code stop} ends it for good.
 */
@ExtendWith(IntegrationFixtures.class)
class RestartingStateIT {

    @TempDir
    Path root;
    @TempDir
    Path state;
    private Berth berth;

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        StoreLayout layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        berth = Berth.open(Settings.builder().root(layout.root()).environment(Map.of()).clock(Clock.systemUTC())
                .runtimeState(state).runtime("runc").build());
        try (InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:restarting").message("test").build());
        }
    }

    @AfterEach
    void remove() {
        try {
            berth.containers().remove("flapping", true);
        } catch (RuntimeException alreadyGone) {
            // Removed by the test, or never made.
        }
        berth.close();
    }

    @Test
    void aContainerWaitingOutItsRestartDelayIsRestarting() throws Exception {
        berth.containers().run(RunRequest.builder("busybox:restarting").command(List.of("sh", "-c", "exit 3"))
                .network(ContainerNetwork.NONE).host(HostOptions.defaults().withRestart(new RestartPolicy.Always()))
                .build(), Optional.of("flapping"), Map.of(), false);
        ContainerSummary seen = berth.containers().summary("flapping");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.state().equals("restarting") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = berth.containers().summary("flapping");
        }
        assertThat(seen.state()).isEqualTo("restarting");
        assertThat(seen.status()).matches("Restarting \\(3\\) .* ago");
        assertThat(seen.exitCode()).hasValue(3);

        // The delay doubles with each restart: wait for one long enough to look at it from every side.
        while (berth.containers().inspect("flapping").restartCount() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        while (!berth.containers().summary("flapping").state().equals("restarting") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ContainerDetails details = berth.containers().inspect("flapping");
        assertThat(details.summary().restarting()).isTrue();
        assertThat(details.summary().running()).as("Docker's State.Running while restarting").isTrue();
        assertThat(details.finishedAt()).isPresent();
        assertThat(berth.containers().list(false)).extracting(ContainerSummary::name).contains("flapping");
        assertThat(berth.containers().list(false, ContainerFilter.parse(List.of("status=restarting"))))
                .extracting(ContainerSummary::name).containsExactly("flapping");
        try {
            berth.containers().remove("flapping", false);
            throw new AssertionError("rm of a restarting container was not refused");
        } catch (ConflictException refused) {
            assertThat(refused).hasMessage("cannot remove container \"/flapping\": container is restarting: stop the "
                    + "container before removing or force remove");
        }

        ContainerSummary stopped = berth.containers().stop("flapping", Optional.of(Duration.ofSeconds(1)));
        assertThat(stopped.state()).isEqualTo("exited");
        int count = berth.containers().inspect("flapping").restartCount();
        Thread.sleep(2000);
        assertThat(berth.containers().summary("flapping").state()).isEqualTo("exited");
        assertThat(berth.containers().inspect("flapping").restartCount()).isEqualTo(count);
        assertThat(berth.containers().list(false)).extracting(ContainerSummary::name).doesNotContain("flapping");
    }

    /**
     * Regression (review of the Restarting state): start raced the pending restart and kill was refused; as in
     * Docker, start leaves a restarting container to its restart and kill cancels the restart.
     */
    @Test
    void startLeavesARestartingContainerAndKillCancelsItsRestart() throws Exception {
        berth.containers().run(RunRequest.builder("busybox:restarting").command(List.of("sh", "-c", "exit 3"))
                .network(ContainerNetwork.NONE).host(HostOptions.defaults().withRestart(new RestartPolicy.Always()))
                .build(), Optional.of("flapping"), Map.of(), false);
        awaitRestarting();
        assertThat(berth.containers().start("flapping").state()).isIn("restarting", "running");

        awaitRestarting();
        ContainerSummary killed = berth.containers().kill("flapping", Optional.empty());
        assertThat(killed.state()).isEqualTo("exited");
        int count = berth.containers().inspect("flapping").restartCount();
        Thread.sleep(2000);
        assertThat(berth.containers().summary("flapping").state()).isEqualTo("exited");
        assertThat(berth.containers().inspect("flapping").restartCount()).isEqualTo(count);
    }

    private void awaitRestarting() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!berth.containers().summary("flapping").state().equals("restarting") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(berth.containers().summary("flapping").state()).isEqualTo("restarting");
    }
}
