package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.rootfs.RootfsFileReader;
import dev.berth.error.InvalidInputException;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2024-9676: a container's {@code /etc/passwd} linked to {@code /dev/zero} made the user lookup read
 * forever. Berth never follows the link, and caps how much of a real file it reads.
 */
class Cve20249676Test {

    @TempDir
    Path directory;

    @Test
    void groupLinkedToDevZeroIsRefused() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "A");
            fixture.baseImage("zero:1", List.of(LayerEntry.directory("etc", 0755, Instant.EPOCH),
                    LayerEntry.symlink("etc/group", "/dev/zero", Instant.EPOCH),
                    LayerEntry.file("etc/passwd", 0644, Instant.EPOCH, "app:x:1:1::/:/bin/sh\n".getBytes(StandardCharsets.UTF_8))), c -> c);

            assertThatThrownBy(() -> fixture.build("FROM zero:1\nCOPY --chown=app:wheel a.txt /x\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("refusing to read /etc/group: it is a symbolic link to /dev/zero");
        }
    }

    @Test
    void oversizedPasswdIsRefused() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            byte[] huge = new byte[(int) RootfsFileReader.DEFAULT_MAX_BYTES + 1];
            fixture.baseImage("big:1", List.of(LayerEntry.directory("etc", 0755, Instant.EPOCH),
                    LayerEntry.file("etc/passwd", 0644, Instant.EPOCH, huge)), c -> c);

            fixture.file("a.txt", "A");
            assertThatThrownBy(() -> fixture.build("FROM big:1\nCOPY --chown=app a.txt /x\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("over the 1048576-byte limit");
        }
    }
}
