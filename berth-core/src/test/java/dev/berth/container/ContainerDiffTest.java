package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerDiffTest {

    @TempDir
    Path lower;

    @Test
    void addedChangedAndDeletedPathsInWalkOrder() throws IOException {
        Files.createDirectories(lower.resolve("etc"));
        Files.writeString(lower.resolve("etc/passwd"), "root");
        Files.writeString(lower.resolve("etc/motd"), "hi");
        Files.createDirectories(lower.resolve("var/cache"));
        Instant t = Instant.EPOCH;
        List<LayerEntry> upper = List.of(
                LayerEntry.directory("data", 0755, t),
                LayerEntry.file("data-old", 0644, t, new byte[0]),
                LayerEntry.file("data/f", 0644, t, new byte[0]),
                LayerEntry.directory("etc", 0755, t),
                LayerEntry.file("etc/.wh.motd", 0, t, new byte[0]),
                LayerEntry.file("etc/passwd", 0644, t, new byte[0]),
                LayerEntry.directory("var/cache", 0755, t),
                LayerEntry.file("var/cache/.wh..wh..opq", 0, t, new byte[0]));
        assertThat(ContainerDiff.changes(upper, List.of(lower)).stream().map(ContainerDiff.Change::line))
                .containsExactly("A /data", "A /data/f", "A /data-old", "C /etc", "D /etc/motd", "C /etc/passwd",
                        "C /var/cache");
    }
}
