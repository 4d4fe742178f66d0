package dev.berth.store;

import dev.berth.image.Digest;
import java.util.Objects;

/**
 * The part of an OCI descriptor the store needs to list an image in {@code index.json}. Kept small and
 * local so the store does not depend on the image model; other descriptor fields already in the file
 * (platform, other annotations) are preserved as they are.
 */
public record IndexDescriptor(String mediaType, Digest digest, long size) {

    public IndexDescriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (mediaType.isBlank()) {
            throw new IllegalArgumentException("blank media type for " + digest);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + digest);
        }
    }
}
