package dev.berth.api;

import dev.berth.image.Digest;
import java.util.List;

/**
 * What {@code berth system prune} removed: the stopped containers first, as Docker does, then what one garbage
 * collection of the store freed.
 *
 * @param deletedContainers the IDs of the stopped (exited or never started) detached containers removed
 * @param droppedImages the manifests of dangling images dropped from the index
 * @param deletedBlobs  the blobs deleted, which {@code reclaimedBytes} held
 */
public record SystemPruneReport(List<String> deletedContainers, List<Digest> droppedImages, List<Digest> deletedBlobs, long reclaimedBytes) {

    public SystemPruneReport {
        deletedContainers = List.copyOf(deletedContainers);
        droppedImages = List.copyOf(droppedImages);
        deletedBlobs = List.copyOf(deletedBlobs);
        if (reclaimedBytes < 0) {
            throw new IllegalArgumentException("reclaimed bytes must not be negative: " + reclaimedBytes);
        }
    }
}
