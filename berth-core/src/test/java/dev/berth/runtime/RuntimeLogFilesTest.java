package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (#9 kill loop): a process killed during a runtime command left its {@code .log-*.json} in the runtime's
 * state root for ever. Logs are named after their process now, and a dead process's are swept.
 */
class RuntimeLogFilesTest {

    @TempDir
    Path state;

    @Test
    void aKilledProcesssLogIsSweptAndALiveOnesIsKept() throws IOException {
        Path own = RuntimeLogFiles.create(state);
        Path dead = Files.createFile(state.resolve(".log-999999999-123.json"));
        Path unownedYoung = Files.createFile(state.resolve(".log-456.json"));
        Path unownedOld = Files.createFile(state.resolve(".log-789.json"));
        Files.setLastModifiedTime(unownedOld, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path container = Files.createDirectory(state.resolve("berth-run-0123"));

        assertThat(RuntimeLogFiles.sweep(state)).containsExactlyInAnyOrder(dead, unownedOld);

        assertThat(own.getFileName().toString()).startsWith(".log-" + ProcessHandle.current().pid() + "-");
        assertThat(own).exists();
        assertThat(unownedYoung).exists();
        assertThat(container).isDirectory();
    }

    @Test
    void aMissingStateRootHasNothingToSweep() {
        assertThat(RuntimeLogFiles.sweep(state.resolve("absent"))).isEmpty();
    }
}
