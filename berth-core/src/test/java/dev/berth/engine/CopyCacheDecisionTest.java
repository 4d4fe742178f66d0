package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a COPY's layer is written together with its key (a likely miss) and when its files are hashed
 * first (a likely hit): a hit never leaves a layer behind that it did not need.
 */
class CopyCacheDecisionTest {

    private static final String DOCKERFILE = "FROM scratch\nCOPY . /app/\n";

    @TempDir
    Path directory;

    @Test
    void aTouchedButUnchangedFileHitsWithoutWritingALayer() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "alpha").file("b.txt", "beta");
            BuildResult first = fixture.build(DOCKERFILE);
            int blobs = fixture.store.content().list().size();
            Files.setLastModifiedTime(fixture.context.resolve("a.txt"), FileTime.from(Instant.parse("2021-02-03T04:05:06Z")));
            BuildResult second = fixture.advanceClock(Duration.ofHours(1)).build(DOCKERFILE);
            assertThat(fixture.cachedSteps()).isEqualTo(1);
            assertThat(second.imageId()).isEqualTo(first.imageId());
            assertThat(fixture.store.content().list()).hasSize(blobs);
        }
    }

    @Test
    void aChangedStepWritesItsLayerInOnePassAndTheRebuildHitsIt() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "alpha");
            fixture.build(DOCKERFILE);
            BuildResult moved = fixture.build("FROM scratch\nCOPY . /srv/\n");
            assertThat(fixture.cachedSteps()).isZero();
            assertThat(fixture.lastLayer(moved)).containsExactly("srv dir 755 0:0", "srv/Dockerfile file 644 0:0 FROM scratch\nCOPY . /srv/\n",
                    "srv/a.txt file 644 0:0 alpha");
            BuildResult again = fixture.build("FROM scratch\nCOPY . /srv/\n");
            assertThat(fixture.cachedSteps()).isEqualTo(1);
            assertThat(again.imageId()).isEqualTo(moved.imageId());
        }
    }

    @Test
    void noCacheWritesInOnePassAndGivesTheSameLayerAsACachedBuild() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            // The fixture rewrites the Dockerfile, with a new mtime, before each build: keep it out of the layer.
            fixture.file("a.txt", "alpha").file("d/b.txt", "beta").file(".dockerignore", "Dockerfile\n");
            BuildResult cached = fixture.build(DOCKERFILE);
            fixture.build(DOCKERFILE);
            assertThat(fixture.cachedSteps()).isEqualTo(1);
            BuildResult uncached = fixture.build(DOCKERFILE, request -> request.noCache(true));
            assertThat(fixture.cachedSteps()).isZero();
            assertThat(fixture.manifest(uncached).layers()).isEqualTo(fixture.manifest(cached).layers());
        }
    }
}
