package dev.berth.api;

import dev.berth.image.Digest;
import java.util.List;

/**
 * What one {@code rmi} or prune did, in Docker's terms: the names removed ({@code Untagged:}) and, when
 * the image lost its last name, the image itself ({@code Deleted:}).
 */
public record RemovedImage(List<String> untagged, List<Digest> deleted) {

    public RemovedImage {
        untagged = List.copyOf(untagged);
        deleted = List.copyOf(deleted);
    }
}
