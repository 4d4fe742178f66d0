package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume create/ls/inspect/rm/prune} and {@code run -v} (root, runc, conmon), each command in its own JVM as
 * a user would run them.
 */
class VolumeCommandsIT {

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
        berth("rm", "-f", "-v", "vol-user");
    }

    @Test
    void createsListsInspectsUsesAndRemovesAVolume() throws Exception {
        assertThat(berth("volume", "create", "--label", "team=db", "vol-data").out()).isEqualTo("vol-data\n");
        assertThat(berth("volume", "create", "vol-data").out()).as("an existing name is returned").isEqualTo("vol-data\n");
        assertThat(berth("volume", "ls").out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     vol-data\n");
        assertThat(berth("volume", "ls", "-q").out()).isEqualTo("vol-data\n");
        assertThat(berth("volume", "ls", "--format", "{{.Name}} {{.Labels}}").out()).isEqualTo("vol-data team=db\n");

        JsonNode inspect = new ObjectMapper().readTree(berth("volume", "inspect", "vol-data").out());
        assertThat(inspect).hasSize(1);
        JsonNode volume = inspect.get(0);
        assertThat(fieldNames(volume.fieldNames()))
                .containsExactly("CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope");
        assertThat(volume.path("Name").asText()).isEqualTo("vol-data");
        assertThat(volume.path("Driver").asText()).isEqualTo("local");
        assertThat(volume.path("Scope").asText()).isEqualTo("local");
        assertThat(volume.path("Labels").path("team").asText()).isEqualTo("db");
        assertThat(volume.path("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(volume.path("Mountpoint").asText()).isEqualTo(root.resolve("volumes/vol-data/_data").toString());

        CliProcess.Outcome write = berth("run", "--runtime", "runc", "-v", "vol-data:/data", "busybox", "sh", "-c", "echo kept > /data/f");
        assertThat(write.exit()).as(write.err()).isZero();
        assertThat(berth("run", "--runtime", "runc", "-v", "vol-data:/data:ro", "busybox", "cat", "/data/f").out())
                .isEqualTo("kept\n");

        CliProcess.Outcome detached = berth("run", "-d", "--runtime", "runc", "--name", "vol-user", "-v", "vol-data:/data",
                "-v", "/anon", "busybox", "sleep", "1000");
        assertThat(detached.exit()).as(detached.err()).isZero();
        String id = detached.out().strip();
        CliProcess.Outcome refused = berth("volume", "rm", "vol-data");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).isEqualTo("berth: remove vol-data: volume is in use - [" + id + "]\n");
        assertThat(berth("volume", "ls", "-q").out().lines()).hasSize(2);

        assertThat(berth("rm", "-f", "-v", "vol-user").exit()).isZero();
        assertThat(berth("volume", "ls", "-q").out()).as("rm -v took the anonymous volume").isEqualTo("vol-data\n");
        assertThat(berth("volume", "prune", "-f").out()).isEqualTo("Total reclaimed space: 0B\n");
        assertThat(berth("volume", "rm", "vol-data").out()).isEqualTo("vol-data\n");
        assertThat(berth("volume", "ls", "-q").out()).isEmpty();
        CliProcess.Outcome missing = berth("volume", "inspect", "vol-data");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).isEqualTo("berth: get vol-data: no such volume\n");
        assertThat(berth("volume", "rm", "-f", "vol-data").exit()).isZero();
    }

    @Test
    void badMountsAreRefusedWithDockersTexts() throws Exception {
        CliProcess.Outcome missingSource = berth("run", "--runtime", "runc", "--mount",
                "type=bind,source=" + work.resolve("nowhere") + ",target=/x", "busybox", "true");
        assertThat(missingSource.exit()).isEqualTo(125);
        assertThat(missingSource.err()).contains("invalid mount config for type \"bind\": bind source path does not exist: "
                + work.resolve("nowhere"));
        CliProcess.Outcome badKey = berth("run", "--mount", "type=bind,source=/,target=/x,colour=red", "busybox", "true");
        assertThat(badKey.exit()).isNotZero();
        assertThat(badKey.err()).contains("invalid argument \"type=bind,source=/,target=/x,colour=red\" for \"--mount\" "
                + "flag: unexpected key 'colour' in 'colour=red'");
        CliProcess.Outcome made = berth("run", "--runtime", "runc", "-v", work.resolve("made") + ":/x", "busybox", "true");
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(work.resolve("made")).isDirectory();
    }

    private static <T> List<T> fieldNames(java.util.Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
