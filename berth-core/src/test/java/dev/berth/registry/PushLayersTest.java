package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.CompressionStreams;
import dev.berth.store.BlobInfo;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a push sends for a stored manifest: recompressed layers, remembered per diffID, format and level. */
class PushLayersTest {

    static final byte[] TAR = new TarBuilder().file("hello", "hello ".repeat(1000)).build();
    static final Digest DIFF_ID = Digest.sha256(TAR);
    static final Descriptor CONFIG = Descriptor.of(StandardMediaType.DOCKER_CONFIG, Digest.sha256(new byte[] {1}), 1);

    @TempDir
    Path root;

    LocalStore store;
    BlobMemory memory;

    @BeforeEach
    void open() {
        store = LocalStore.open(new StoreLayout(root));
        memory = new BlobMemory(root.resolve("cache/registry"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    Descriptor stored(byte[] bytes, StandardMediaType type) {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(bytes);
            BlobInfo info = ingester.commit(Optional.empty());
            return Descriptor.of(type, info.digest(), info.size());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Manifest docker(Descriptor layer) {
        return new Manifest(2, Optional.of(StandardMediaType.DOCKER_MANIFEST), "", CONFIG, List.of(layer),
                Optional.empty(), Map.of());
    }

    Manifest push(Manifest manifest, Optional<Compression> format, Optional<Integer> level) {
        return new PushLayers(store, memory, new PushCompression(format, level)).forPush(manifest, List.of(DIFF_ID));
    }

    byte[] decompressed(Descriptor blob) throws IOException {
        try (InputStream in = store.content().open(blob.digest());
             InputStream plain = CompressionStreams.decompressing(blob.mediaType().compression(), in)) {
            return plain.readAllBytes();
        }
    }

    @Test
    void zstdMakesAnOciManifestWithTheSameConfigAndASecondPushCompressesNothing() throws IOException {
        Manifest manifest = docker(stored(TAR, StandardMediaType.DOCKER_LAYER));
        Manifest pushed = push(manifest, Optional.of(Compression.ZSTD), Optional.empty());
        assertThat(pushed.mediaType()).contains(StandardMediaType.OCI_MANIFEST);
        assertThat(pushed.config().mediaType()).isEqualTo(StandardMediaType.OCI_CONFIG);
        assertThat(pushed.config().digest()).isEqualTo(CONFIG.digest());
        Descriptor layer = pushed.layers().getFirst();
        assertThat(layer.mediaType()).isEqualTo(StandardMediaType.OCI_LAYER_ZSTD);
        assertThat(decompressed(layer)).isEqualTo(TAR);
        assertThat(Files.readString(root.resolve("cache/registry/zstd-3").resolve(DIFF_ID.hex()))).contains(layer.digest().toString());

        int blobs = store.content().list().size();
        // The blob is found again through the memory, not made again.
        assertThat(push(manifest, Optional.of(Compression.ZSTD), Optional.empty())).isEqualTo(pushed);
        assertThat(store.content().list()).hasSize(blobs);
        Manifest stronger = push(manifest, Optional.of(Compression.ZSTD), Optional.of(19));
        assertThat(stronger.layers().getFirst().digest()).isNotEqualTo(layer.digest());
        assertThat(decompressed(stronger.layers().getFirst())).isEqualTo(TAR);
    }

    @Test
    void withoutOptionsAnUncompressedLayerBecomesGzipRememberedWhereEarlierPushesKeptIt() throws IOException {
        Manifest manifest = docker(stored(TAR, StandardMediaType.DOCKER_LAYER));
        Manifest pushed = push(manifest, Optional.empty(), Optional.empty());
        assertThat(pushed.mediaType()).contains(StandardMediaType.DOCKER_MANIFEST);
        assertThat(pushed.layers().getFirst().mediaType()).isEqualTo(StandardMediaType.DOCKER_LAYER_GZIP);
        assertThat(root.resolve("cache/registry/gzip").resolve(DIFF_ID.hex())).exists();
        assertThat(decompressed(pushed.layers().getFirst())).isEqualTo(TAR);
    }

    @Test
    void aLayerAlreadyInTheFormatStaysAndTheManifestIsTheSameObject() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (OutputStream out = CompressionStreams.compressing(Compression.GZIP, gzip)) {
            out.write(TAR);
        }
        Manifest manifest = docker(stored(gzip.toByteArray(), StandardMediaType.DOCKER_LAYER_GZIP));
        assertThat(push(manifest, Optional.empty(), Optional.of(1))).isSameAs(manifest);
        assertThat(push(manifest, Optional.of(Compression.GZIP), Optional.empty())).isSameAs(manifest);
        Manifest zstd = push(manifest, Optional.of(Compression.ZSTD), Optional.empty());
        assertThat(zstd.layers().getFirst().mediaType()).isEqualTo(StandardMediaType.OCI_LAYER_ZSTD);
        assertThat(decompressed(zstd.layers().getFirst())).isEqualTo(TAR);
    }

    /** Regression (review of push compression): foreign layers were recompressed, failing on a blob never stored. */
    @Test
    void aForeignOrNondistributableLayerIsPushedAsItIs() {
        Digest absent = Digest.sha256("a Windows base layer".getBytes());
        for (StandardMediaType type : List.of(StandardMediaType.DOCKER_LAYER_FOREIGN_GZIP,
                StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE)) {
            Manifest manifest = docker(Descriptor.of(type, absent, 42));
            assertThat(push(manifest, Optional.of(Compression.ZSTD), Optional.empty())).isSameAs(manifest);
            assertThat(push(manifest, Optional.of(Compression.GZIP), Optional.of(9))).isSameAs(manifest);
        }
    }
}
