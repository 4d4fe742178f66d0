package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The on-disk state a writer killed at each step of the protocol leaves, built by hand so every kill
 * point is covered deterministically (CrashRecoveryTest covers them by chance). For each, the store
 * must open, read the images it had, sweep the leftovers and accept the next write.
 */
class KillPointStatesTest {

    /** Where the writer died. */
    enum KillPoint {
        WHILE_WRITING_A_BLOB,
        AFTER_SYNCING_A_BLOB_BEFORE_RENAME,
        WHILE_WRITING_THE_NEXT_INDEX,
        AFTER_SYNCING_THE_NEXT_INDEX_BEFORE_RENAME
    }

    @TempDir
    Path root;

    private TempFileOwner deadProcess;

    @BeforeEach
    void deadOwner() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        deadProcess = new TempFileOwner(finished.pid(),
                finished.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void storeOpensReadsAndCleans(KillPoint point) throws IOException {
        String indexBefore;
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            store.images().tag("example.com/kept:1", new IndexDescriptor(OciLayoutTest.MANIFEST, put(store, "kept").digest(), 4));
            indexBefore = Files.readString(root.resolve("index.json"));
        }
        Path leftover = root.resolve("ingest").resolve(deadProcess.newFileName(
                point.name().contains("INDEX") ? "index" : "blob", new SecureRandom()));
        Files.writeString(leftover, switch (point) {
            case WHILE_WRITING_A_BLOB -> "half a la";
            case AFTER_SYNCING_A_BLOB_BEFORE_RENAME -> "a whole layer";
            case WHILE_WRITING_THE_NEXT_INDEX -> indexBefore.substring(0, indexBefore.length() / 2);
            case AFTER_SYNCING_THE_NEXT_INDEX_BEFORE_RENAME -> indexBefore.replace("kept:1", "lost:2");
        }, StandardCharsets.UTF_8);

        StoreChecks.assertConsistent(root);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.sweptOnOpen()).containsExactly(leftover);
            assertThat(Files.readString(root.resolve("index.json"))).isEqualTo(indexBefore);
            assertThat(store.images().resolve("example.com/kept:1")).isPresent();
            assertThat(store.images().resolve("example.com/lost:2")).isEmpty();
            store.images().tag("example.com/next:1", new IndexDescriptor(OciLayoutTest.MANIFEST, put(store, "next").digest(), 4));
            assertThat(StoreChecks.ingestFiles(root)).isEmpty();
        }
    }

    @Test
    void collectorKilledBetweenIndexRewriteAndSweepLeavesOnlyUnreferencedBlobs() throws IOException {
        BlobInfo layer;
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            layer = put(store, "\u001f\u008b layer of a dangling image");
            BlobInfo manifest = put(store, "{\"layers\":[{\"digest\":\"" + layer.digest() + "\"}]}");
            store.images().addUntagged(new IndexDescriptor(OciLayoutTest.MANIFEST, manifest.digest(), manifest.size()));
            // The collector's first step, then the kill: the dangling entry is gone, its blobs remain.
            store.images().update(index -> index.removeIf(IndexEntry::isDangling));
        }

        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().list()).isEmpty();
            CollectionReport report = store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of());
            assertThat(report.removedBlobs()).extracting(BlobInfo::digest).contains(layer.digest()).hasSize(2);
            assertThat(store.content().list()).isEmpty();
        }
    }

    private static BlobInfo put(LocalStore store, String text) throws IOException {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return ingester.commit(Optional.empty());
        }
    }
}
