package dev.berth.store;

import dev.berth.image.Digest;
import java.util.Set;

/**
 * Which blobs a blob refers to (a manifest its config and layers, an index its manifests): the one
 * thing the garbage collector needs to know about image structure. The image model can supply its own;
 * {@link JsonBlobReferences} reads the digests straight from the JSON.
 */
@FunctionalInterface
public interface BlobReferences {

    /** The digests {@code blob} refers to; empty for layers and configs. Never throws for a missing blob. */
    Set<Digest> children(Digest blob);
}
