package dev.berth.store;

import dev.berth.image.Digest;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Blobs addressed by their digest. Content only ever enters through an {@link Ingester}, which checks
 * the digest before the blob becomes visible, so every blob {@link #open}ed has the bytes its digest
 * names. Implementations are safe for concurrent use.
 */
public interface ContentStore {

    /** The blob's size, or empty when the store does not hold it. */
    Optional<BlobInfo> info(Digest digest);

    /**
     * Streams the blob's bytes; the caller closes the stream.
     *
     * @throws dev.berth.error.NotFoundException when the store does not hold the blob
     * @throws dev.berth.error.StoreException when it cannot be read
     */
    InputStream open(Digest digest);

    /** Starts writing one blob. Nothing is visible until {@link Ingester#commit} succeeds. */
    Ingester ingest();

    /** Removes the blob; false when it was not there. */
    boolean delete(Digest digest);

    /** Every blob held, ordered by digest. */
    List<BlobInfo> list();
}
