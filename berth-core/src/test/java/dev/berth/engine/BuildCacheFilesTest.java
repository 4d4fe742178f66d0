package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache as one file per entry: look-ups, concurrent records of one key, leftovers and prune. */
class BuildCacheFilesTest {

    @TempDir
    Path directory;

    private final ContentStore content = new InMemoryContentStore();

    @Test
    void manyEntriesAreEachFoundAndPruneEmptiesThemAll() throws IOException {
        BuildCache cache = new BuildCache(directory, content);
        Digest config = blob("config");
        LayerRef layer = new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER, blob("layer"), 5), blob("diff"));
        List<Digest> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Digest key = Digest.sha256(("key " + i).getBytes(StandardCharsets.UTF_8));
            keys.add(key);
            cache.record(key, new BuildCache.Entry(config, i % 2 == 0 ? Optional.of(layer) : Optional.empty()),
                    "stage-0 step " + i, "inputs " + i);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(cache.lookup(keys.get(i))).get().extracting(BuildCache.Entry::layer)
                    .isEqualTo(i % 2 == 0 ? Optional.of(layer) : Optional.empty());
            assertThat(cache.lastInputs("stage-0 step " + i)).contains("inputs " + i);
        }
        // What a writer killed between its write and its rename leaves: never read, removed by prune once old;
        // a young one may be a running writer's, which must still find it to rename it.
        Path killed = Files.writeString(directory.resolve("entries").resolve(keys.getFirst().hex() + ".abc.tmp"), "{\"conf");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = Files.writeString(directory.resolve("entries").resolve(keys.get(1).hex() + ".def.tmp"), "{\"co");
        assertThat(cache.roots()).containsExactlyInAnyOrder(config, layer.blob().digest());

        assertThat(cache.prune()).isEqualTo(300);
        assertThat(cache.lookup(keys.getFirst())).isEmpty();
        assertThat(cache.lastInputs("stage-0 step 0")).isEmpty();
        try (var left = Files.list(directory.resolve("entries"))) {
            assertThat(left).containsExactly(writing);
        }
    }

    @Test
    void concurrentRecordsOfOneKeyLeaveAWholeEntry() throws Exception {
        BuildCache cache = new BuildCache(directory, content);
        Digest key = Digest.sha256("the key".getBytes(StandardCharsets.UTF_8));
        List<Digest> configs = List.of(blob("a"), blob("b"), blob("c"), blob("d"));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 50; round++) {
                for (Digest config : configs) {
                    threads.submit(() -> cache.record(key, new BuildCache.Entry(config, Optional.empty()), "step", "in"));
                }
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cache.lookup(key)).get().extracting(BuildCache.Entry::config).isIn(configs);
        try (var left = Files.list(directory.resolve("entries"))) {
            assertThat(left).hasSize(1);
        }
    }

    private Digest blob(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(bytes);
            return ingester.commit(Optional.empty()).digest();
        }
    }

    @Test
    void anEntryFileThatHoldsNoEntryIsAMissAndTheNextRecordReplacesIt() throws IOException {
        BuildCache cache = new BuildCache(directory, content);
        Digest key = Digest.sha256("key".getBytes(StandardCharsets.UTF_8));
        Digest config = blob("config");
        cache.record(key, new BuildCache.Entry(config, Optional.empty()), "step", "in");
        for (String broken : List.of("", "{\"config\":", "[]", "{\"config\":\"not a digest\"}")) {
            Files.writeString(directory.resolve("entries").resolve(key.hex()), broken);
            assertThat(cache.lookup(key)).as(broken).isEmpty();
            assertThat(cache.roots()).as(broken).isEmpty();
        }
        cache.record(key, new BuildCache.Entry(config, Optional.empty()), "step", "in");
        assertThat(cache.lookup(key)).get().extracting(BuildCache.Entry::config).isEqualTo(config);
    }
}
