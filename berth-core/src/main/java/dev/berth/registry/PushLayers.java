package dev.berth.registry;

import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.Manifest;
import dev.berth.image.MediaType;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.LayerConverter;
import dev.berth.layer.LayerDigests;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest a push sends: layers recompressed as the {@link PushCompression} asks, with the project's parallel
 * gzip writer or zstd-jni ({@link LayerConverter}, checked against the diffID) into the store, each blob remembered
 * per diffID, format and level ({@link BlobMemory}) so the next push compresses nothing. A Docker v2.2 manifest that
 * would name a zstd layer becomes an OCI one (Docker's format has no standard zstd type); the config blob stays, so
 * the image ID does. The caller holds the store's write guard: the new blobs are reachable from nothing yet.
 */
final class PushLayers {

    /** Layers fetched from their URLs, not the registry: pushed as they are, never recompressed or retyped. */
    private static final Set<StandardMediaType> NONDISTRIBUTABLE = Set.of(
            StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE, StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE_GZIP,
            StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE_ZSTD, StandardMediaType.DOCKER_LAYER_FOREIGN,
            StandardMediaType.DOCKER_LAYER_FOREIGN_GZIP);

    private final LocalStore store;
    private final BlobMemory memory;
    private final PushCompression compression;

    PushLayers(LocalStore store, BlobMemory memory, PushCompression compression) {
        this.store = store;
        this.memory = memory;
        this.compression = compression;
    }

    /** The manifest to push for {@code manifest} (with {@code diffIds} one per layer), or the same one when no layer changes. */
    Manifest forPush(Manifest manifest, List<Digest> diffIds) {
        List<Descriptor> layers = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            if (layer.mediaType().isLayer() && distributable(layer)
                    && compression.converts(layer.mediaType().compression())) {
                layers.add(compressed(layer, diffIds.get(i), manifest.isDocker()));
                changed = true;
            } else {
                layers.add(layer);
            }
        }
        if (!changed) {
            return manifest;
        }
        boolean toOci = manifest.isDocker() && layers.stream().anyMatch(l -> l.mediaType().compression() == Compression.ZSTD);
        if (!toOci) {
            return new Manifest(2, manifest.mediaType(), manifest.artifactType(), manifest.config(), layers,
                    manifest.subject(), manifest.annotations());
        }
        return new Manifest(2, Optional.of(StandardMediaType.OCI_MANIFEST), manifest.artifactType(),
                oci(manifest.config()), layers.stream().map(PushLayers::oci).toList(), manifest.subject(),
                manifest.annotations());
    }

    private static boolean distributable(Descriptor layer) {
        return layer.urls().isEmpty()
                && !(layer.mediaType() instanceof StandardMediaType type && NONDISTRIBUTABLE.contains(type));
    }

    /** The blob for a layer in the push's format: remembered from an earlier push if the store still has it, else made. */
    private Descriptor compressed(Descriptor layer, Digest diffId, boolean docker) {
        Compression format = compression.target();
        int level = compression.effectiveLevel();
        StandardMediaType type = switch (format) {
            case ZSTD -> StandardMediaType.OCI_LAYER_ZSTD;
            case GZIP, NONE -> docker ? StandardMediaType.DOCKER_LAYER_GZIP : StandardMediaType.OCI_LAYER_GZIP;
        };
        Optional<Digest> known = memory.compressed(diffId, format, level);
        if (known.isPresent()) {
            Optional<Long> size = store.content().info(known.get()).map(info -> info.size());
            if (size.isPresent()) {
                return Descriptor.of(type, known.get(), size.get());
            }
        }
        String formatName = PushCompression.name(format);
        try (Ingester ingester = store.content().ingest(); InputStream blob = store.content().open(layer.digest())) {
            LayerConverter converter = new LayerConverter(format, level, Runtime.getRuntime().availableProcessors());
            LayerDigests digests = converter.convert(blob, diffId, ingester.stream());
            ingester.commit(Optional.of(digests.blobDigest()));
            memory.rememberCompressed(diffId, format, level, digests.blobDigest());
            return Descriptor.of(type, digests.blobDigest(), digests.blobSize());
        } catch (IOException e) {
            throw new StoreException("compressing layer " + layer.digest() + " with " + formatName + " for the push", e);
        }
    }

    /** The OCI type of a Docker v2.2 descriptor; others as they are. */
    static Descriptor oci(Descriptor descriptor) {
        MediaType type = switch (descriptor.mediaType()) {
            case StandardMediaType.DOCKER_CONFIG -> StandardMediaType.OCI_CONFIG;
            case StandardMediaType.DOCKER_LAYER -> StandardMediaType.OCI_LAYER;
            case StandardMediaType.DOCKER_LAYER_GZIP -> StandardMediaType.OCI_LAYER_GZIP;
            case StandardMediaType.DOCKER_LAYER_ZSTD -> StandardMediaType.OCI_LAYER_ZSTD;
            case StandardMediaType.DOCKER_LAYER_FOREIGN -> StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE;
            case StandardMediaType.DOCKER_LAYER_FOREIGN_GZIP -> StandardMediaType.OCI_LAYER_NONDISTRIBUTABLE_GZIP;
            case MediaType other -> other;
        };
        return new Descriptor(type, descriptor.digest(), descriptor.size(), descriptor.urls(), descriptor.annotations(),
                descriptor.data(), descriptor.platform(), descriptor.artifactType());
    }
}
