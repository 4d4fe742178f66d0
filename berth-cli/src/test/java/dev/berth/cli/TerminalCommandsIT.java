package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.PtyDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -it}, {@code exec} and {@code exec -it} with real runc and conmon, each command in its own JVM, the
 * interactive ones driven through a pseudo-terminal the test makes ({@link PtyDriver}), as a user types.
 */
class TerminalCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

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
        berth("rm", "-f", "tty-web");
    }

    @Test
    void runItGivesAShellOnATerminalThatFollowsResizesAndPassesTheExitCode() throws Exception {
        try (PtyDriver terminal = PtyDriver.start(work, berthCommand("run", "-it", "--runtime", "runc",
                "--entrypoint=/bin/sh", "busybox"), Map.of())) {
            int at = terminal.awaitScreen(0, "/ # ", WAIT);
            terminal.type("echo $((6*7)) is `tty`\r");
            at = terminal.awaitScreen(at, "42 is /dev/pts/0", WAIT);
            at = terminal.awaitScreen(at, "/ # ", WAIT);
            terminal.type("stty size\r");
            at = terminal.awaitScreen(at, "24 80", WAIT);
            at = terminal.awaitScreen(at, "/ # ", WAIT);
            terminal.resize(50, 132);
            // The shell redraws its prompt on SIGWINCH; stty then reads the size runc passed on.
            Thread.sleep(500);
            terminal.type("stty size\r");
            at = terminal.awaitScreen(at, "50 132", WAIT);
            terminal.awaitScreen(at, "/ # ", WAIT);
            terminal.type("exit 3\r");
            assertThat(terminal.awaitExit(WAIT)).as(terminal.screen()).isEqualTo(3);
        }
    }

    @Test
    void attachJoinsADetachedTerminalFollowsResizesDetachesWithCtrlPCtrlQAndPassesTheExitCode() throws Exception {
        CliProcess.Outcome run = berth("run", "-dit", "--runtime", "runc", "--name", "tty-web", "busybox", "sh");
        assertThat(run.exit()).as(run.err()).isZero();

        try (PtyDriver terminal = PtyDriver.start(work, berthCommand("attach", "tty-web"), Map.of())) {
            // The shell's prompt was shown before attaching: Enter shows a new one once the attach is made.
            Thread.sleep(3000);
            terminal.type("\r");
            int at = terminal.awaitScreen(0, "/ # ", WAIT);
            terminal.type("echo $((6*7)); stty size\r");
            at = terminal.awaitScreen(at, "42", WAIT);
            at = terminal.awaitScreen(at, "24 80", WAIT);
            terminal.resize(40, 100);
            Thread.sleep(500);
            terminal.type("stty size\r");
            at = terminal.awaitScreen(at, "40 100", WAIT);
            terminal.type("\u0010\u0011");
            assertThat(terminal.awaitExit(WAIT)).as(terminal.screen()).isZero();
            assertThat(terminal.screen()).contains("read escape sequence");
        }
        assertThat(berth("ps", "-q").out().strip()).isEqualTo(run.out().strip().substring(0, 12));

        try (PtyDriver terminal = PtyDriver.start(work, berthCommand("attach", "tty-web"), Map.of())) {
            Thread.sleep(3000);
            terminal.type("\r");
            terminal.awaitScreen(0, "/ # ", WAIT);
            terminal.type("exit 5\r");
            assertThat(terminal.awaitExit(WAIT)).as(terminal.screen()).isEqualTo(5);
        }
        CliProcess.Outcome stopped = berth("attach", "tty-web");
        assertThat(stopped.exit()).isEqualTo(125);
        assertThat(stopped.err()).contains("You cannot attach to a stopped container, start it first");
    }

    @Test
    void runItWithoutATerminalIsRefusedAsDockerRefusesIt() throws Exception {
        CliProcess.Outcome run = berth("run", "-it", "busybox", "sh");
        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).contains("the input device is not a TTY");
    }

    @Test
    void execRunsCommandsInARunningContainerWithItsDefaultsAndPassesTheirExitCodes() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "tty-web", "-e", "GREETING=hi", "-w", "/tmp",
                "busybox", "sleep", "1000");
        assertThat(run.exit()).as(run.err()).isZero();

        CliProcess.Outcome defaults = berth("exec", "tty-web", "sh", "-c", "echo $GREETING $PWD $(id -u); exit 7");
        assertThat(defaults.exit()).as(defaults.err()).isEqualTo(7);
        assertThat(defaults.out()).isEqualTo("hi /tmp 0\n");

        CliProcess.Outcome overridden = berth("exec", "-e", "GREETING=bye", "-u", "nobody", "-w", "/", "tty-web",
                "sh", "-c", "echo $GREETING $PWD $(id -u)");
        assertThat(overridden.out()).as(overridden.err()).isEqualTo("bye / 65534\n");

        assertThat(berth("exec", "-d", "tty-web", "sh", "-c", "echo detached > /tmp/mark").exit()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CliProcess.Outcome mark = berth("exec", "tty-web", "cat", "/tmp/mark");
        while (mark.exit() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            mark = berth("exec", "tty-web", "cat", "/tmp/mark");
        }
        assertThat(mark.out()).isEqualTo("detached\n");

        assertThat(berth("exec", "tty-web", "no-such-command").exit()).isEqualTo(127);

        try (PtyDriver terminal = PtyDriver.start(work, berthCommand("exec", "-it", "tty-web", "sh"), Map.of())) {
            int at = terminal.awaitScreen(0, "# ", WAIT);
            terminal.type("tty; stty size\r");
            at = terminal.awaitScreen(at, "/dev/pts/", WAIT);
            terminal.awaitScreen(at, "24 80", WAIT);
            terminal.type("exit 4\r");
            assertThat(terminal.awaitExit(WAIT)).as(terminal.screen()).isEqualTo(4);
        }

        String id = run.out().strip();
        assertThat(berth("stop", "-t", "1", "tty-web").exit()).isZero();
        CliProcess.Outcome stopped = berth("exec", "tty-web", "true");
        assertThat(stopped.exit()).isEqualTo(125);
        assertThat(stopped.err()).contains("container " + id + " is not running");
    }

    @Test
    @ExtendWith(IntegrationFixtures.class)
    void commitMakesAnImageWithTheContainersChangesThatRunsInDocker(DockerEngine docker) throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "tty-web", "busybox", "sh", "-c",
                "echo made > /made.txt; rm /etc/group; mkdir -p /opaque; rm -rf /tmp; mkdir /tmp; echo t > /tmp/t; "
                        + "sleep 1000");
        assertThat(run.exit()).as(run.err()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (berth("exec", "tty-web", "cat", "/tmp/t").exit() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "berth-it/tty-commit:" + suffix;

        CliProcess.Outcome commit = berth("commit", "-m", "made a file", "-a", "Berth Tests", "-c", "CMD [\"cat\", \"/made.txt\"]",
                "-c", "ENV COMMITTED=yes", "tty-web", name);

        assertThat(commit.exit()).as(commit.err()).isZero();
        String imageId = commit.out().strip();
        assertThat(imageId).matches("sha256:[0-9a-f]{64}");
        assertThat(berth("run", name).out()).isEqualTo("made\n");
        assertThat(berth("run", name, "sh", "-c", "ls /etc/group; echo $COMMITTED; cat /tmp/t").out())
                .isEqualTo("yes\nt\n");
        CliProcess.Outcome history = berth("history", name);
        assertThat(history.out().lines().skip(1).findFirst().orElseThrow())
                .contains("sh -c echo made > /made.txt").contains("made a file");

        Path archive = work.resolve("committed.tar");
        assertThat(berth("save", "-o", archive.toString(), name).exit()).isZero();
        try {
            docker.docker("load", "-i", archive.toString()).orThrow();
            assertThat(docker.docker("image", "inspect", "--format", "{{.Id}} {{.Author}} {{.Comment}}", name)
                    .orThrow().stdout().strip()).isEqualTo(imageId + " Berth Tests made a file");
            assertThat(docker.docker("run", "--rm", "--network", "none", name).orThrow().stdout()).isEqualTo("made\n");
            var deleted = docker.docker("run", "--rm", "--network", "none", name, "sh", "-c",
                    "test -e /etc/group && echo kept || echo deleted; cat /tmp/t; ls -A /tmp");
            assertThat(deleted.orThrow().stdout()).isEqualTo("deleted\nt\nt\n");
        } finally {
            docker.docker("rmi", "-f", name);
        }
    }

    /** The command line of {@code berth args} in this test's store, for a terminal to run. */
    List<String> berthCommand(String... args) {
        List<String> command = new ArrayList<>(cli().command(args));
        int name = command.size() - args.length + (args[0].equals("system") ? 2 : 1);
        command.add(name, "--root");
        command.add(name + 1, root.toString());
        return command;
    }

    CliProcess.Outcome berth(String... args) throws Exception {
        return cli().run(args);
    }

    private CliProcess cli() {
        return new CliProcess(work, root);
    }
}
