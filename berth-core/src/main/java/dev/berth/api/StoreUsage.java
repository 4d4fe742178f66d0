package dev.berth.api;

/**
 * Space the store takes, by category, in bytes: what {@code berth system df} shows.
 *
 * @param blobCount blobs held
 * @param blobBytes all blobs
 * @param reachableBytes blobs reachable from a tag, a listed image, a container or the build cache
 * @param ingestBytes unfinished writes
 * @param containerBytes container bundles and work directories
 * @param cacheBytes the build cache, its mounts and other caches
 * @param snapshotBytes unpacked layers
 */
public record StoreUsage(long blobCount, long blobBytes, long reachableBytes, long ingestBytes, long containerBytes,
        long cacheBytes, long snapshotBytes) {

    public StoreUsage {
        if (blobCount < 0 || blobBytes < 0 || reachableBytes < 0 || reachableBytes > blobBytes || ingestBytes < 0
                || containerBytes < 0 || cacheBytes < 0 || snapshotBytes < 0) {
            throw new IllegalArgumentException("inconsistent disk usage " + blobCount + "/" + blobBytes + "/"
                    + reachableBytes + "/" + ingestBytes + "/" + containerBytes + "/" + cacheBytes + "/" + snapshotBytes);
        }
    }

    /** What {@code system prune --all} would free from blobs. */
    public long reclaimableBytes() {
        return blobBytes - reachableBytes;
    }

    public long totalBytes() {
        return blobBytes + ingestBytes + containerBytes + cacheBytes + snapshotBytes;
    }
}
