package dev.berth.store;

import dev.berth.image.Digest;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One blob being written. Write the bytes to {@link #stream()}, then {@link #commit} once; closing
 * without a successful commit discards everything written.
 */
public interface Ingester extends AutoCloseable {

    /** Where the blob's bytes go; do not close it before {@link #commit} (closing is harmless). */
    OutputStream stream();

    /**
     * Makes the blob visible after checking its digest. When {@code expected} is given and the bytes
     * do not match, nothing is kept and a {@link dev.berth.error.StoreException} names both digests.
     * A blob already present is not written twice.
     *
     * @return the digest (in {@code expected}'s algorithm if given, else sha256) and size
     */
    BlobInfo commit(Optional<Digest> expected);

    /** Discards what was written unless {@link #commit} succeeded. */
    @Override
    void close();
}
