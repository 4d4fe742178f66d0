package dev.berth.store;

import java.util.List;

/** What one garbage collection removed: dangling images dropped from the index, and blobs deleted. */
public record CollectionReport(List<IndexEntry> droppedImages, List<BlobInfo> removedBlobs) {

    public CollectionReport {
        droppedImages = List.copyOf(droppedImages);
        removedBlobs = List.copyOf(removedBlobs);
    }

    public long freedBytes() {
        return removedBlobs.stream().mapToLong(BlobInfo::size).sum();
    }
}
