package dev.berth.api;

/**
 * What {@code berth builder prune} removed: every build cache entry (their blobs go at the next
 * {@code system prune --all}) and the {@code RUN --mount=type=cache} directories no build was using.
 *
 * @param reclaimedBytes the bytes the removed cache mounts held
 */
public record CachePruneReport(int entries, int mountDirectories, long reclaimedBytes) {

    public CachePruneReport {
        if (entries < 0 || mountDirectories < 0 || reclaimedBytes < 0) {
            throw new IllegalArgumentException("negative prune counts " + entries + "/" + mountDirectories + "/"
                    + reclaimedBytes);
        }
    }
}
