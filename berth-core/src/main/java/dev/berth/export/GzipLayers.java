package dev.berth.export;

import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.LayerConverter;
import dev.berth.layer.LayerDigests;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image as BuildKit's docker and oci exporters write it: every layer gzip compressed. Layers the store
 * holds uncompressed or as zstd are converted (diffID checked) and the gzip blobs ingested, with a manifest
 * naming them; the config, hence the image ID, is unchanged. Nothing is listed in the store's index.
 */
record GzipLayers(ContentStore content, ImageJson json) {

    BuiltImage of(BuiltImage image) {
        List<Descriptor> layers = new ArrayList<>();
        boolean converted = false;
        for (int i = 0; i < image.manifest().layers().size(); i++) {
            Descriptor layer = image.manifest().layers().get(i);
            if (layer.mediaType().compression() == Compression.GZIP) {
                layers.add(layer);
            } else {
                layers.add(gzip(layer, image.diffIds().get(i)));
                converted = true;
            }
        }
        if (!converted) {
            return image;
        }
        Manifest manifest = Manifest.oci(image.manifest().config(), layers);
        byte[] bytes = json.write(manifest);
        BlobInfo stored = put(bytes, Digest.sha256(bytes), "the manifest with gzip layers");
        return new BuiltImage(stored.digest(), manifest, image.diffIds(), image.names());
    }

    private Descriptor gzip(Descriptor layer, Digest diffId) {
        try (Ingester ingester = content.ingest(); InputStream blob = content.open(layer.digest())) {
            LayerDigests digests = LayerConverter.to(Compression.GZIP).convert(blob, diffId, ingester.stream());
            ingester.commit(Optional.of(digests.blobDigest()));
            return Descriptor.of(StandardMediaType.OCI_LAYER_GZIP, digests.blobDigest(), digests.blobSize());
        } catch (IOException e) {
            throw new StoreException("compressing layer " + layer.digest() + " with gzip for the archive", e);
        }
    }

    private BlobInfo put(byte[] bytes, Digest digest, String what) {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(bytes);
            return ingester.commit(Optional.of(digest));
        } catch (IOException e) {
            throw new StoreException("writing " + what, e);
        }
    }
}
