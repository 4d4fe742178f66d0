package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code run -d} killed with SIGKILL once the container's record was written, while its bridge network
 * was being set up and before its root was mounted, left a created container that {@code start} refused ("its
 * root file system is no longer mounted") and that a second {@code compose up} tripped over. Now the owner record
 * comes before the container's record: the next command's sweep removes the half-made container, and whatever
 * moment the kill lands at, what {@code ps -a} lists starts, and the name can be run again.
 */
class RunKilledBeforeItsRootIsMountedIT {

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
        berth("rm", "-f", "killed");
    }

    @Test
    void aRunKilledOnceItsRecordExistsLeavesNoContainerThatCannotStart() throws Exception {
        CliProcess cli = new CliProcess(work, root);
        Process run = cli.builder("run", "-d", "--runtime", "runc", "--name", "killed", "-p", "127.0.0.1::80",
                "busybox", "sleep", "1000").redirectOutput(work.resolve("run.out").toFile())
                .redirectError(work.resolve("run.err").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!recordWritten() && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(recordWritten()).as("the record was written; run's errors: %s",
                Files.readString(work.resolve("run.err"))).isTrue();
        run.destroyForcibly().waitFor();

        CliProcess.Outcome listed = berth("ps", "-a", "--format", "{{.Names}}");
        assertThat(listed.exit()).as(listed.err()).isZero();
        if (listed.out().contains("killed")) {
            // The kill came after the launch: the container is whole.
            CliProcess.Outcome start = berth("start", "killed");
            assertThat(start.exit()).as(start.err()).isZero();
            assertThat(berth("rm", "-f", "killed").exit()).isZero();
        }
        CliProcess.Outcome again = berth("run", "-d", "--runtime", "runc", "--name", "killed", "-p", "127.0.0.1::80",
                "busybox", "sleep", "1000");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(berth("ps", "--format", "{{.Names}} {{.State}}").out()).isEqualTo("killed running\n");
    }

    private boolean recordWritten() throws IOException {
        Path containers = root.resolve("containers");
        if (!Files.isDirectory(containers)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(containers)) {
            return entries.anyMatch(entry -> Files.exists(entry.resolve("container.json")));
        }
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
