package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create}, {@code start -a}, {@code restart}, {@code rename} and {@code container prune}, each in its own JVM as a user runs them. */
class CreateRestartPruneCommandsIT {

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
        berth("rm", "-f", "made", "web", "kept", "again");
    }

    @Test
    void createsStartsRestartsAndPrunesContainers() throws Exception {
        // The CI pattern: id=$(berth create IMAGE) && berth start -a $id.
        CliProcess.Outcome create = berth("create", "--runtime", "runc", "--name", "made", "busybox", "sh", "-c",
                "echo made; exit 3");
        assertThat(create.exit()).as(create.err()).isZero();
        String id = create.out().strip();
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(berth("ps", "-a").out()).contains("   Created   ");
        CliProcess.Outcome started = berth("start", "-a", id);
        assertThat(started.out()).isEqualTo("made\n");
        assertThat(started.exit()).isEqualTo(3);
        // A second start -a shows only this run's output.
        assertThat(berth("start", "-a", "made").out()).isEqualTo("made\n");

        assertThat(berth("create", "--name", "gone", "busybox", "true").exit()).isZero();
        assertThat(berth("rm", "gone").out()).isEqualTo("gone\n");
        CliProcess.Outcome detach = berth("create", "-d", "busybox");
        assertThat(detach.exit()).isNotZero();
        assertThat(detach.err()).contains("unknown shorthand flag: 'd' in -d");
        CliProcess.Outcome taken = berth("container", "create", "--name", "made", "busybox", "true");
        assertThat(taken.err()).contains("Conflict.");

        assertThat(berth("run", "-d", "--runtime", "runc", "--name", "web", "busybox", "sleep", "1000").exit()).isZero();
        assertThat(berth("restart", "-t", "1", "web", "made").out()).isEqualTo("web\nmade\n");
        assertThat(berth("ps").out()).contains("web");
        assertThat(berth("wait", "made").out()).isEqualTo("3\n");
        assertThat(berth("container", "restart", "-t", "0", "nothing").err()).contains("No such container: nothing");

        CliProcess.Outcome renamed = berth("rename", "web", "site");
        assertThat(renamed.exit()).as(renamed.err()).isZero();
        assertThat(renamed.out()).isEmpty();
        assertThat(berth("ps", "--format", "{{.Names}}").out()).isEqualTo("site\n");
        assertThat(berth("container", "rename", "site", "web").exit()).isZero();
        assertThat(berth("rename", "made", "web").err()).contains("Conflict. The container name \"/web\" is already "
                + "in use by container \"");
        assertThat(berth("rename", "web", "web").err())
                .contains("Renaming a container with the same name as its current name");
        assertThat(berth("rename", "web", "no way").err())
                .contains("Invalid container name (no way), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");

        assertThat(berth("container", "create", "--label", "keep=yes", "--name", "kept", "busybox", "true").exit()).isZero();
        CliProcess.Outcome asked = berth("container", "prune");
        assertThat(asked.out()).isEqualTo("WARNING! This will remove all stopped containers.\n"
                + "Are you sure you want to continue? [y/N] ");
        assertThat(berth("container", "prune", "-f", "--filter", "until=1h").out())
                .isEqualTo("Total reclaimed space: 0B\n");
        CliProcess.Outcome pruned = berth("container", "prune", "-f", "--filter", "label!=keep");
        assertThat(pruned.out()).startsWith("Deleted Containers:\n" + id + "\n\nTotal reclaimed space: ");
        assertThat(berth("ps", "-a", "--format", "{{.Names}}").out().lines().sorted().toList())
                .containsExactly("kept", "web");
        assertThat(berth("container", "prune", "--filter", "color=red").err()).contains("invalid filter 'color'");
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
