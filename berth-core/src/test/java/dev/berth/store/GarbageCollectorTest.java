package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {

    @TempDir
    Path root;

    private LocalStore store;
    private BlobInfo sharedLayer;
    private BlobInfo taggedLayer;
    private BlobInfo danglingLayer;
    private BlobInfo containerLayer;
    private BlobInfo orphan;
    private IndexDescriptor tagged;
    private IndexDescriptor dangling;
    private IndexDescriptor usedByContainer;

    @BeforeEach
    void storeWithImages() {
        store = LocalStore.open(new StoreLayout(root));
        sharedLayer = blob("\u001f\u008bshared layer");
        taggedLayer = blob("\u001f\u008btagged layer");
        danglingLayer = blob("\u001f\u008bdangling layer");
        containerLayer = blob("\u001f\u008bcontainer layer");
        orphan = blob("left by an aborted pull");
        tagged = image("tagged", sharedLayer, taggedLayer);
        dangling = image("dangling", sharedLayer, danglingLayer);
        usedByContainer = image("container", containerLayer);
        store.images().tag("docker.io/library/app:latest", tagged);
        store.images().addUntagged(dangling);
        store.images().addUntagged(usedByContainer);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void danglingModeRemovesUntaggedImagesAndWhatOnlyTheyUse() {
        CollectionReport report = store.collector().collect(GarbageCollector.Mode.DANGLING, () -> Set.of(usedByContainer.digest()));

        assertThat(report.droppedImages()).containsExactly(new IndexEntry(dangling, Optional.empty()));
        assertThat(report.removedBlobs()).extracting(BlobInfo::digest)
                .containsExactlyInAnyOrder(dangling.digest(), configOf("dangling").digest(), danglingLayer.digest());
        assertThat(report.freedBytes()).isEqualTo(dangling.size() + configOf("dangling").size() + danglingLayer.size());
        assertThat(store.images().list()).containsExactly(
                new IndexEntry(tagged, Optional.of("docker.io/library/app:latest")),
                new IndexEntry(usedByContainer, Optional.empty()));
        assertThat(store.content().info(orphan.digest())).isPresent();
        assertThat(store.content().info(sharedLayer.digest())).isPresent();
    }

    @Test
    void allUnusedModeAlsoRemovesBlobsNothingReaches() {
        CollectionReport report = store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of(usedByContainer.digest()));

        assertThat(report.removedBlobs()).extracting(BlobInfo::digest).containsExactlyInAnyOrder(
                dangling.digest(), configOf("dangling").digest(), danglingLayer.digest(), orphan.digest());
        assertThat(store.content().list()).extracting(BlobInfo::digest).containsExactlyInAnyOrder(
                tagged.digest(), configOf("tagged").digest(), sharedLayer.digest(), taggedLayer.digest(),
                usedByContainer.digest(), configOf("container").digest(), containerLayer.digest());
    }

    @Test
    void nothingReachableFromATagContainerOrCacheIsRemoved() {
        Set<Digest> containerAndCacheRoots = Set.of(usedByContainer.digest(), orphan.digest());
        store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> containerAndCacheRoots);
        store.collector().collect(GarbageCollector.Mode.DANGLING, () -> containerAndCacheRoots);

        assertThat(store.content().info(orphan.digest())).as("build cache root").isPresent();
        assertThat(store.content().info(containerLayer.digest())).as("container's layer").isPresent();
        assertThat(store.content().info(taggedLayer.digest())).as("tagged image's layer").isPresent();
        assertThat(store.content().info(sharedLayer.digest())).as("layer shared with a removed image").isPresent();
    }

    @Test
    void withoutExtraRootsAContainerlessUntaggedImageIsDangling() {
        CollectionReport report = store.collector().collect(GarbageCollector.Mode.DANGLING, () -> Set.of());

        assertThat(report.droppedImages()).extracting(IndexEntry::descriptor).containsExactly(dangling, usedByContainer);
        assertThat(store.content().info(containerLayer.digest())).isEmpty();
    }

    @Test
    void secondCollectionFindsNothing() {
        store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of());

        CollectionReport again = store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of());

        assertThat(again.droppedImages()).isEmpty();
        assertThat(again.removedBlobs()).isEmpty();
        assertThat(again.freedBytes()).isZero();
    }

    @Test
    void usageCountsBytesPerCategory() throws IOException {
        Files.write(root.resolve("containers/state.json"), new byte[10]);
        Files.write(root.resolve("cache/record"), new byte[20]);
        Files.createDirectories(root.resolve("snapshots/1/fs"));
        Files.write(root.resolve("snapshots/1/fs/file"), new byte[30]);
        long all = store.content().list().stream().mapToLong(BlobInfo::size).sum();
        long unreachable = orphan.size() + dangling.size() + configOf("dangling").size() + danglingLayer.size();

        DiskUsage usage = store.collector().usage(Set.of(usedByContainer.digest()));

        assertThat(usage).isEqualTo(new DiskUsage(11, all, all - unreachable, 0, 10, 20, 30));
        assertThat(usage.reclaimableBytes()).isEqualTo(unreachable);
        assertThat(store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of(usedByContainer.digest())).freedBytes())
                .isEqualTo(usage.reclaimableBytes());
    }

    private IndexDescriptor image(String name, BlobInfo... layers) {
        BlobInfo config = blob(configText(name));
        StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OciLayoutTest.MANIFEST
                + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + config.digest() + "\",\"size\":" + config.size() + "},\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            manifest.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                    + "\"digest\":\"").append(layers[i].digest()).append("\",\"size\":").append(layers[i].size()).append('}');
        }
        BlobInfo written = blob(manifest.append("]}").toString());
        return new IndexDescriptor(OciLayoutTest.MANIFEST, written.digest(), written.size());
    }

    private BlobInfo configOf(String name) {
        byte[] bytes = configText(name).getBytes(StandardCharsets.UTF_8);
        return new BlobInfo(Digest.sha256(bytes), bytes.length);
    }

    private static String configText(String name) {
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"name\":\"" + name + "\"}}}";
    }

    private BlobInfo blob(String text) {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return ingester.commit(Optional.empty());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
