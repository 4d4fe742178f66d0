package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -d --health-cmd ...} and {@code --restart} from the command line (root, runc, conmon), each command in its
 * own JVM: {@code ps} shows Docker's health status, {@code inspect} the container's {@code State.Health} and restart
 * count, and Docker's refusals come with its words.
 */
class HealthCommandsIT {

    @TempDir
    Path work;
    Path root;

    @BeforeEach
    void storeWithBusybox() throws IOException {
        root = work.resolve("store");
        CliProcess.importImage(root, BaseImages.standard().busyboxRootfs(), "busybox:latest");
    }

    @AfterEach
    void removeLeftovers() throws Exception {
        for (String name : List.of("checked", "failing")) {
            CliProcess.Outcome rm = berth("rm", "-f", name);
            assertThat(rm.err()).as("rm -f " + name).satisfiesAnyOf(err -> assertThat(err).isEmpty(),
                    err -> assertThat(err).contains("No such container"));
        }
    }

    @Test
    void psAndInspectShowTheHealthAsDockerDoes() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "checked", "--health-cmd", "test -f /tmp/ok",
                "--health-interval", "1s", "--health-retries", "2", "busybox", "sleep", "1000");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(berth("ps").out()).contains("(health: starting)");
        assertThat(until("checked", "{{.State.Health.Status}}", "unhealthy")).isEqualTo("unhealthy");
        assertThat(berth("ps").out()).contains(" (unhealthy)");
        // The streak goes on growing with each failed probe, as Docker's does.
        assertThat(Integer.parseInt(berth("inspect", "-f", "{{.State.Health.FailingStreak}}", "checked").out().strip()))
                .isGreaterThanOrEqualTo(2);
        assertThat(berth("inspect", "checked").out()).contains("\"ExitCode\": 1,");

        assertThat(berth("exec", "checked", "touch", "/tmp/ok").exit()).isZero();
        assertThat(until("checked", "{{.State.Health.Status}}", "healthy")).isEqualTo("healthy");
        assertThat(berth("ps").out().lines().skip(1).toList()).singleElement()
                .satisfies(line -> assertThat(line).matches(".*Up .* \\(healthy\\)\\s+checked"));
        assertThat(berth("inspect", "checked").out()).contains("\"Health\": {", "\"Status\": \"healthy\"",
                "\"FailingStreak\": 0", "\"RestartPolicy\": {");
    }

    @Test
    void onFailureRestartsAreCountedInInspect() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "failing", "--restart", "on-failure:2", "busybox",
                "sh", "-c", "exit 3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(until("failing", "{{.RestartCount}} {{.State.Status}}", "2 exited")).isEqualTo("2 exited");
        assertThat(berth("inspect", "-f", "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.State.ExitCode}}",
                "failing").out().strip()).isEqualTo("on-failure:2 3");
    }

    @Test
    void dockersRefusalsComeWithItsWords() throws Exception {
        CliProcess.Outcome conflict = berth("run", "-d", "--runtime", "runc", "--rm", "--restart", "always", "busybox", "true");
        assertThat(conflict.exit()).isEqualTo(125);
        assertThat(conflict.err()).contains("Conflicting options: --restart and --rm");
        CliProcess.Outcome unknown = berth("run", "-d", "--restart", "sometimes", "busybox", "true");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("invalid restart policy: unknown policy 'sometimes'");
        CliProcess.Outcome both = berth("run", "-d", "--no-healthcheck", "--health-cmd", "true", "busybox", "true");
        assertThat(both.err()).contains("--no-healthcheck conflicts with --health-* options");
        CliProcess.Outcome duration = berth("run", "-d", "--health-interval", "soon", "busybox", "true");
        assertThat(duration.err()).contains("invalid argument \"soon\" for \"--health-interval\" flag: time: invalid duration \"soon\"");
        assertThat(berth("ps", "-a", "-q").out()).isEmpty();
    }

    /** Polls {@code inspect -f TEMPLATE} until it prints {@code wanted} (30 s at most); the last output. */
    private String until(String container, String template, String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = berth("inspect", "-f", template, container).out().strip();
        while (!seen.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = berth("inspect", "-f", template, container).out().strip();
        }
        return seen;
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
