package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -d}, {@code ps}, {@code logs}, {@code stop}, {@code rm} and {@code rmi} of a container's image (root,
 * runc, conmon), each command in its own JVM as a user would run them one after the other.
 */
class DetachedCommandsIT {

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
        berth("rm", "-f", "web");
    }

    @Test
    void runsPsLogsStopsAndRemovesADetachedContainer() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "web", "busybox", "sh", "-c", "echo hi; sleep 1000");
        assertThat(run.exit()).as(run.err()).isZero();
        String id = run.out().strip();
        assertThat(id).matches("[0-9a-f]{64}");

        CliProcess.Outcome ps = berth("ps");
        assertThat(ps.out()).startsWith("CONTAINER ID   IMAGE     COMMAND                  CREATED");
        assertThat(ps.out().lines().skip(1).toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith(id.substring(0, 12) + "   busybox   \"sh -c 'echo hi; sle…\"").contains("   Up ")
                .endsWith("web"));
        assertThat(berth("ps", "-q", "--no-trunc").out()).isEqualTo(id + "\n");

        CliProcess.Outcome rmi = berth("rmi", "busybox");
        assertThat(rmi.exit()).isNotZero();
        assertThat(rmi.err()).contains("conflict: unable to remove repository reference \"busybox\" (must force) - "
                + "container " + id.substring(0, 12) + " is using its referenced image");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CliProcess.Outcome logs = berth("logs", "web");
        while (!logs.out().equals("hi\n") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            logs = berth("logs", "web");
        }
        assertThat(logs.out()).isEqualTo("hi\n");

        assertThat(berth("stop", "-t", "1", "web").out()).isEqualTo("web\n");
        assertThat(berth("ps").out().lines().count()).isOne();
        assertThat(berth("ps", "-a").out().lines().skip(1).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("Exited (137) ").endsWith("web"));
        assertThat(berth("wait", "web").out()).isEqualTo("137\n");

        String imageId = berth("images", "-q").out().strip();
        CliProcess.Outcome rmiById = berth("rmi", imageId);
        assertThat(rmiById.err()).contains("conflict: unable to delete " + imageId
                + " (must be forced) - image is being used by stopped container " + id.substring(0, 12));

        assertThat(berth("rm", "web").out()).isEqualTo("web\n");
        assertThat(berth("ps", "-a").out().lines().count()).isOne();
        CliProcess.Outcome missing = berth("logs", "web");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("No such container: web");
        assertThat(berth("rmi", "busybox").exit()).isZero();
    }

    @Test
    void systemPruneRemovesStoppedContainersAndKeepsTheImagesRunningOnesUse() throws Exception {
        String stopped = berth("run", "-d", "busybox", "true").out().strip();
        assertThat(berth("wait", stopped).out()).isEqualTo("0\n");
        CliProcess.Outcome running = berth("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        assertThat(running.exit()).as(running.err()).isZero();
        // Untagged, the image is dangling: still kept, as Docker keeps what a container uses.
        String imageId = berth("images", "-q").out().strip();
        assertThat(berth("rmi", "-f", "busybox").exit()).isZero();

        CliProcess.Outcome prune = berth("system", "prune");

        assertThat(prune.exit()).as(prune.err()).isZero();
        assertThat(prune.out()).startsWith("Deleted Containers:\n" + stopped + "\n\n");
        assertThat(berth("ps", "-a", "-q", "--no-trunc").out()).isEqualTo(running.out());
        assertThat(berth("images", "-a", "-q").out()).contains(imageId);
        assertThat(berth("rm", "-f", "web").exit()).isZero();
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
