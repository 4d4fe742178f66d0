package dev.berth.api;

import java.util.List;

/**
 * What {@code volume prune} removed.
 *
 * @param removed        the volumes' names
 * @param reclaimedBytes the bytes their files took
 */
public record VolumePruneReport(List<String> removed, long reclaimedBytes) {

    public VolumePruneReport {
        removed = List.copyOf(removed);
    }
}
