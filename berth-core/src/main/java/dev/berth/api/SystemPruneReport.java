package dev.berth.api;

import dev.berth.image.Digest;
import java.util.List;

/**
 * What one garbage collection of the store removed ({@code berth system prune}).
 *
 * @param droppedImages the manifests of dangling images dropped from the index
 * @param deletedBlobs  the blobs deleted, which {@code reclaimedBytes} held
 */
public record SystemPruneReport(List<Digest> droppedImages, List<Digest> deletedBlobs, long reclaimedBytes) {

    public SystemPruneReport {
        droppedImages = List.copyOf(droppedImages);
        deletedBlobs = List.copyOf(deletedBlobs);
        if (reclaimedBytes < 0) {
            throw new IllegalArgumentException("reclaimed bytes must not be negative: " + reclaimedBytes);
        }
    }
}
