package dev.berth.api;

import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.Manifest;
import dev.berth.store.IndexDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * One image of the store as read from its blobs: the manifest the index lists, the config bytes as
 * stored (never re-encoded, so the ID stays the digest of what was received) and every name it has.
 */
record StoredImage(IndexDescriptor descriptor, List<String> names, Manifest manifest, byte[] configBytes,
                   ImageConfig config) {

    StoredImage {
        Objects.requireNonNull(descriptor, "descriptor");
        names = List.copyOf(names);
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(configBytes, "configBytes");
        Objects.requireNonNull(config, "config");
    }

    /** The image ID, as Docker defines it: the config blob's digest. */
    Digest id() {
        return manifest.config().digest();
    }
}
