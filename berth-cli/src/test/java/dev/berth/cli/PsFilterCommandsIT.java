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
 * {@code berth ps --filter} from the command line (root, runc, conmon, netavark) on three real containers: one on a
 * user network publishing a port with a volume, one exited with code 3, one with a healthcheck. Each key selects
 * what Docker's daemon would list; a bad filter is refused with Docker's words.
 */
class PsFilterCommandsIT {

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
        for (String name : List.of("web", "done", "checked")) {
            berth("rm", "-f", name);
        }
        berth("network", "rm", "psnet");
        berth("volume", "rm", "psdata");
    }

    @Test
    void eachKeySelectsAsDockersDaemon() throws Exception {
        assertThat(berth("network", "create", "psnet").exit()).isZero();
        ok("run", "-d", "--runtime", "runc", "--name", "web", "--label", "tier=front", "--network", "psnet",
                "-p", "127.0.0.1::80", "-v", "psdata:/data", "busybox", "sleep", "1000");
        ok("run", "-d", "--runtime", "runc", "--name", "done", "--network", "none", "busybox", "sh", "-c", "exit 3");
        assertThat(berth("wait", "done").out().strip()).isEqualTo("3");
        ok("run", "-d", "--runtime", "runc", "--name", "checked", "--network", "none", "--health-cmd", "true",
                "--health-interval", "1s", "busybox", "sleep", "1000");
        String hostPort = berth("port", "web", "80").out().strip().replaceAll(".*:", "");

        assertThat(names()).isEqualTo("checked web");
        assertThat(names("-a")).isEqualTo("checked done web");
        assertThat(names("-f", "status=exited")).isEqualTo("done");
        assertThat(names("-a", "-f", "exited=3")).isEqualTo("done");
        assertThat(names("-a", "-f", "exited=0")).isEmpty();
        assertThat(names("-f", "label=tier=front")).isEqualTo("web");
        assertThat(names("-f", "label=tier=back")).isEmpty();
        assertThat(names("-f", "name=^w")).isEqualTo("web");
        assertThat(names("-f", "name=web", "-f", "name=checked")).isEqualTo("checked web");
        assertThat(names("-f", "network=psnet")).isEqualTo("web");
        assertThat(names("-a", "-f", "network=none")).isEqualTo("checked done");
        assertThat(names("-f", "publish=" + hostPort)).isEqualTo("web");
        assertThat(names("-f", "expose=80/tcp")).isEqualTo("web");
        assertThat(names("-f", "expose=81")).isEmpty();
        assertThat(names("-f", "volume=psdata")).isEqualTo("web");
        assertThat(names("-f", "volume=/data")).isEqualTo("web");
        assertThat(names("-a", "-f", "ancestor=busybox")).isEqualTo("checked done web");
        assertThat(names("-a", "-f", "before=checked")).isEqualTo("done web");
        assertThat(names("-a", "-f", "since=web")).isEqualTo("checked done");
        assertThat(names("-a", "-f", "health=none")).isEqualTo("done web");
        assertThat(names("-q", "-f", "id=" + berth("ps", "-q", "-f", "name=web").out().strip()))
                .isEqualTo(berth("ps", "-q", "-f", "name=web").out().strip());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (names("-f", "health=healthy").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(names("-f", "health=healthy")).isEqualTo("checked");
        assertThat(names("-f", "health=healthy", "-f", "label=tier")).isEmpty();

        CliProcess.Outcome unknown = berth("ps", "-f", "foo=1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("invalid filter 'foo'");
        assertThat(berth("ps", "-f", "status=up").err()).contains("invalid filter 'status=up'");
        assertThat(berth("ps", "-f", "name").err()).contains("bad format of filter (expected name=value)");
        CliProcess.Outcome missing = berth("ps", "-f", "before=nope");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("No such container: nope");
    }

    private void ok(String... args) throws Exception {
        CliProcess.Outcome outcome = berth(args);
        assertThat(outcome.exit()).as(String.join(" ", args) + ": " + outcome.err()).isZero();
    }

    /** {@code ps --format {{.Names}} ARGS...}, the names on one line, newest first. */
    private String names(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ps", "--format", "{{.Names}}"));
        command.addAll(List.of(args));
        CliProcess.Outcome ps = berth(command.toArray(String[]::new));
        assertThat(ps.exit()).as(ps.err()).isZero();
        return String.join(" ", ps.out().lines().toList());
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
