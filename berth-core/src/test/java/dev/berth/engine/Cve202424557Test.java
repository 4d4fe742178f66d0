package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2024-24557: the classic builder's cache matched a step against images whose config had been
 * altered. Here the key chains from the base image's manifest digest: a base with the same layers but
 * another config gets no cache hit.
 */
class Cve202424557Test {

    @TempDir
    Path directory;

    @Test
    void baseImageWithSameLayersButAnotherConfigMissesTheCache() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            List<LayerEntry> layer = List.of(LayerEntry.file("hello", 0644, Instant.EPOCH, new byte[] {1}));
            fixture.baseImage("base:1", layer, config -> config);
            String dockerfile = "FROM base:1\nRUN make\nENV X=1\n";
            fixture.build(dockerfile);
            fixture.runs.invocations.clear();

            fixture.baseImage("base:1", layer, config -> config.toBuilder().entrypoint(List.of("/evil")).build());
            fixture.build(dockerfile);

            assertThat(fixture.cachedSteps()).isZero();
            assertThat(fixture.runs.invocations).hasSize(1);
        }
    }

    @Test
    void unchangedBaseImageHits() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.baseImage("base:1", List.of(LayerEntry.file("hello", 0644, Instant.EPOCH, new byte[] {1})), c -> c);
            fixture.build("FROM base:1\nRUN make\n");
            fixture.build("FROM base:1\nRUN make\n");

            assertThat(fixture.cachedSteps()).isEqualTo(1);
        }
    }
}
