package dev.berth.image;

import java.util.Objects;

/**
 * A layer as the engine passes it around: the stored blob's descriptor and the digest of its uncompressed
 * tar (the diffID), which is what the image config and snapshot chain IDs name.
 */
public record LayerRef(Descriptor blob, Digest diffId) {

    public LayerRef {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(diffId, "diffId");
    }
}
