package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import dev.berth.event.BuildEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {

    private static final String DOCKERFILE = """
            FROM scratch
            ARG FLAVOUR=plain
            COPY a.txt /a.txt
            RUN build
            COPY b.txt /b.txt
            RUN build $FLAVOUR
            ENV DONE=1
            """;

    @TempDir
    Path directory;

    @Test
    void rebuildWithNothingChangedRunsNothingAndWritesNoBlob() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            BuildResult first = fixture.build(DOCKERFILE);
            int blobs = fixture.store.content().list().size();
            fixture.runs.invocations.clear();

            BuildResult second = fixture.advanceClock(Duration.ofHours(1)).build(DOCKERFILE);

            assertThat(fixture.runs.invocations).isEmpty();
            assertThat(fixture.cachedSteps()).isEqualTo(6);
            assertThat(fixture.store.content().list()).hasSize(blobs);
            assertThat(second.imageId()).isEqualTo(first.imageId());
        }
    }

    /**
     * Regression: a rebuild that hits the cache for every step used to rewrite {@code index.json} (and
     * the config and manifest blobs through a synced temp file) and the stat cache, each synced.
     */
    @Test
    void rebuildWithNothingChangedWritesNothingToTheStore() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            for (String name : List.of("a.txt", "b.txt")) {
                Files.setLastModifiedTime(fixture.context.resolve(name), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            }
            // Builds an hour after the files were written (the fixture's clock starts in January, before their
            // ctime): past the racy window in which neither the stat cache nor the up-to-date record trusts a file.
            fixture.advanceClock(Duration.between(BuildFixture.NOW, Instant.now().plus(Duration.ofHours(1))))
                    .build(DOCKERFILE, request -> request.tags(List.of("app:1", "app:latest")));
            Map<String, String> before = files(directory.resolve("store"));

            fixture.advanceClock(Duration.ofHours(1)).build(DOCKERFILE, request -> request.tags(List.of("app:1", "app:latest")));

            assertThat(fixture.cachedSteps()).isEqualTo(6);
            // The one write: the record that lets the next identical rebuild skip planning (not synced).
            Map<String, String> after = files(directory.resolve("store"));
            assertThat(after.keySet()).filteredOn(path -> path.startsWith("cache/up-to-date/")).hasSize(1);
            after.keySet().removeIf(path -> path.startsWith("cache/up-to-date/"));
            assertThat(after).isEqualTo(before);
            Map<String, String> recorded = files(directory.resolve("store"));

            // The Dockerfile as it is (build() would write it again, which the shortcut sees as a change).
            fixture.advanceClock(Duration.ofHours(1)).rebuild(request -> request.tags(List.of("app:1", "app:latest")));

            assertThat(files(directory.resolve("store"))).isEqualTo(recorded);
        }
    }

    /** Every file under {@code root} with its size, modification time and inode: what a write would change. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                files.put(root.relativize(path).toString(),
                        attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey());
            }
        }
        return files;
    }

    @Test
    void changingOneCopiedFileRebuildsFromThatCopyOn() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            fixture.build(DOCKERFILE);
            fixture.runs.invocations.clear();
            fixture.file("b.txt", "b changed");

            fixture.build(DOCKERFILE);

            assertThat(fixture.cachedSteps()).isEqualTo(3);
            assertThat(fixture.runs.invocations).hasSize(1);
            assertThat(fixture.runs.invocations.getFirst().process().args()).containsExactly("/bin/sh", "-c", "build $FLAVOUR");
        }
    }

    @Test
    void changingABuildArgMissesFromWhereItIsVisible() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            fixture.build(DOCKERFILE);
            fixture.runs.invocations.clear();

            fixture.build(DOCKERFILE, request -> request.buildArgs(Map.of("FLAVOUR", "spicy")));

            assertThat(fixture.cachedSteps()).isZero();
            assertThat(fixture.runs.invocations).hasSize(2);
            assertThat(fixture.runs.invocations.getLast().process().env()).contains("FLAVOUR=spicy");
        }
    }

    @Test
    void noCacheRunsEverythingAgain() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            fixture.build(DOCKERFILE);
            fixture.runs.invocations.clear();

            fixture.build(DOCKERFILE, request -> request.noCache(true));

            assertThat(fixture.cachedSteps()).isZero();
            assertThat(fixture.runs.invocations).hasSize(2);
        }
    }

    @Test
    void pruneEmptiesTheCache() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            fixture.build(DOCKERFILE);
            BuildCache cache = new BuildCache(fixture.store.paths().cache(), fixture.store.content());
            assertThat(cache.roots()).isNotEmpty();

            assertThat(cache.prune()).isEqualTo(6);
            fixture.build(DOCKERFILE);

            assertThat(fixture.cachedSteps()).isZero();
        }
    }

    @Test
    void explainCacheNamesTheChangedInput() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a.txt", "a").file("b.txt", "b");
            fixture.build(DOCKERFILE);
            fixture.file("a.txt", "A");

            fixture.build(DOCKERFILE, request -> request.explainCache(true));

            assertThat(fixture.events.stream().filter(e -> e instanceof BuildEvent.CacheMissExplained)
                    .map(e -> ((BuildEvent.CacheMissExplained) e).reason()).toList())
                    .startsWith("the copied files changed", "an earlier step or the base image changed");
        }
    }
}
