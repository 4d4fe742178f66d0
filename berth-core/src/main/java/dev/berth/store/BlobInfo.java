package dev.berth.store;

import dev.berth.image.Digest;
import java.util.Objects;

/** A blob present in a {@link ContentStore}: its digest and its size in bytes. */
public record BlobInfo(Digest digest, long size) {

    public BlobInfo {
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative blob size " + size + " for " + digest);
        }
    }
}
