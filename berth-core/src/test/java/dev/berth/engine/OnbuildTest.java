package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnbuildTest {

    @TempDir
    Path directory;

    @Test
    void baseImageTriggersRunAfterFromAndAreNotInherited() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "A");
            fixture.baseImage("onbuild:1", List.of(LayerEntry.directory("etc", 0755, Instant.EPOCH)),
                    config -> config.toBuilder().onBuild(List.of("ENV FROM_TRIGGER=1", "COPY a.txt /a")).build());

            var result = fixture.build("FROM onbuild:1\nENV AFTER=1\n");

            var config = fixture.config(result);
            assertThat(config.config().env()).containsExactly("PATH=/bin", "FROM_TRIGGER=1", "AFTER=1");
            assertThat(config.config().onBuild()).isEmpty();
            assertThat(fixture.layer(fixture.manifest(result).layers().getLast().digest())).containsExactly("a file 644 0:0 A");
        }
    }
}
