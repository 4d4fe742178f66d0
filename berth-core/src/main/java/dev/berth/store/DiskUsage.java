package dev.berth.store;

/**
 * Space the store takes, by category, in bytes.
 *
 * @param blobCount blobs held
 * @param blobBytes all blobs
 * @param reachableBytes blobs reachable from a tag, a listed image, a container or the build cache
 * @param ingestBytes unfinished writes in {@code ingest/}
 * @param containerBytes {@code containers/}
 * @param cacheBytes {@code cache/}
 * @param snapshotBytes {@code snapshots/}
 */
public record DiskUsage(long blobCount, long blobBytes, long reachableBytes, long ingestBytes, long containerBytes,
        long cacheBytes, long snapshotBytes) {

    public DiskUsage {
        if (blobCount < 0 || blobBytes < 0 || reachableBytes < 0 || reachableBytes > blobBytes || ingestBytes < 0
                || containerBytes < 0 || cacheBytes < 0 || snapshotBytes < 0) {
            throw new IllegalArgumentException("inconsistent disk usage " + blobCount + "/" + blobBytes + "/"
                    + reachableBytes + "/" + ingestBytes + "/" + containerBytes + "/" + cacheBytes + "/" + snapshotBytes);
        }
    }

    /** What {@code prune --all} would free from blobs. */
    public long reclaimableBytes() {
        return blobBytes - reachableBytes;
    }

    public long totalBytes() {
        return blobBytes + ingestBytes + containerBytes + cacheBytes + snapshotBytes;
    }
}
