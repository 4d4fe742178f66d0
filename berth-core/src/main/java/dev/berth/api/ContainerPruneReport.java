package dev.berth.api;

import java.util.List;

/**
 * What {@code berth container prune} removed.
 *
 * @param deleted        the full IDs of the containers removed, oldest first
 * @param reclaimedBytes what their writable layers held
 */
public record ContainerPruneReport(List<String> deleted, long reclaimedBytes) {

    public ContainerPruneReport {
        deleted = List.copyOf(deleted);
        if (reclaimedBytes < 0) {
            throw new IllegalArgumentException("reclaimed bytes must not be negative: " + reclaimedBytes);
        }
    }
}
