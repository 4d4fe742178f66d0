package dev.berth.api;

import java.util.List;

/** What {@code image prune} removed, and the bytes of blobs it freed. */
public record PruneReport(List<RemovedImage> removed, long reclaimedBytes) {

    public PruneReport {
        removed = List.copyOf(removed);
        if (reclaimedBytes < 0) {
            throw new IllegalArgumentException("reclaimed bytes must not be negative: " + reclaimedBytes);
        }
    }
}
