package dev.berth.layer;

import dev.berth.image.Digest;
import java.util.Objects;

/**
 * What writing or converting a layer produced.
 *
 * @param diffId digest of the uncompressed tar (the image config's {@code rootfs.diff_ids} entry)
 * @param blobDigest digest of the bytes as stored or pushed (equal to {@code diffId} when uncompressed)
 * @param blobSize length of the stored bytes
 * @param uncompressedSize length of the tar
 */
public record LayerDigests(Digest diffId, Digest blobDigest, long blobSize, long uncompressedSize) {

    public LayerDigests {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(blobDigest, "blobDigest");
        if (blobSize < 0 || uncompressedSize < 0) {
            throw new IllegalArgumentException("negative layer size");
        }
    }
}
