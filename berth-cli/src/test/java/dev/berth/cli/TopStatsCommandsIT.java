package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code top} and {@code stats --no-stream} of a running container (root, runc, conmon), each in its own JVM. */
class TopStatsCommandsIT {

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
        berth("rm", "-f", "busy", "idle");
    }

    @Test
    void showsTheProcessesAndResourceUseOfARunningContainer() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "busy", "--memory", "64m",
                "busybox", "sh", "-c", "sleep 1000 & sleep 2000; wait");
        assertThat(run.exit()).as(run.err()).isZero();
        String id = run.out().strip();

        CliProcess.Outcome top = berth("top", "busy");
        assertThat(top.exit()).as(top.err()).isZero();
        assertThat(top.out().lines().findFirst().orElseThrow()).isEqualTo("UID" + " ".repeat(17) + "PID"
                + " ".repeat(17) + "PPID" + " ".repeat(16) + "C" + " ".repeat(19) + "STIME" + " ".repeat(15) + "TTY"
                + " ".repeat(17) + "TIME" + " ".repeat(16) + "CMD");
        assertThat(top.out()).contains("sleep 1000").contains("sleep 2000").contains("sh -c sleep 1000 & sleep 2000; wait");
        assertThat(top.out().lines().count()).isEqualTo(4);
        CliProcess.Outcome columns = berth("container", "top", "busy", "-o", "pid,comm");
        assertThat(columns.out().lines().findFirst().orElseThrow()).isEqualTo("PID" + " ".repeat(17) + "COMMAND");
        assertThat(columns.out().lines().skip(1).map(line -> line.substring(20)).sorted().toList())
                .containsExactly("sh", "sleep", "sleep");

        CliProcess.Outcome stats = berth("stats", "--no-stream", "busy");
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out().lines().findFirst().orElseThrow()).matches(
                "CONTAINER ID +NAME +CPU % +MEM USAGE / LIMIT +MEM % +NET I/O +BLOCK I/O +PIDS");
        assertThat(stats.out().lines().skip(1).toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith(id.substring(0, 12) + "   busy ").matches(".*\\d+\\.\\d\\d% +[\\d.]+[KM]?i?B / 64MiB +"
                        + "\\d+\\.\\d\\d% +[\\d.]+[kM]?B / [\\d.]+[kM]?B +[\\d.]+[kMG]?B / [\\d.]+[kMG]?B +3"));
        assertThat(berth("container", "stats", "--no-stream").out()).contains("busy");

        assertThat(berth("create", "--name", "idle", "busybox", "true").exit()).isZero();
        assertThat(berth("top", "idle").err()).contains("is not running");
        assertThat(berth("stats", "--no-stream", "nothing").err()).contains("No such container: nothing");
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
