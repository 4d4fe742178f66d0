package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2019-14271: {@code docker cp} resolved the container's {@code /etc/passwd} through host libraries
 * the image controlled. Berth reads {@code /etc/passwd} for {@code --chown} as data from the layer tars;
 * a symbolic link there, even one inside the image, is refused rather than followed.
 */
class Cve201914271Test {

    @TempDir
    Path directory;

    @Test
    void passwdThatIsASymlinkIsRefused() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "A");
            fixture.baseImage("evil:1", List.of(LayerEntry.directory("etc", 0755, Instant.EPOCH),
                    LayerEntry.symlink("etc/passwd", "../../../../etc/passwd", Instant.EPOCH)), c -> c);

            assertThatThrownBy(() -> fixture.build("FROM evil:1\nCOPY --chown=app a.txt /x\n"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("refusing to read /etc/passwd: it is a symbolic link to ../../../../etc/passwd");
        }
    }
}
