package dev.berth.snapshot;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Optional;

/**
 * What a collection of committed snapshots did ({@link Snapshotter#collect}).
 *
 * @param removed the chain IDs removed
 * @param notCollected why nothing was removed, when the collection could not tell what is in use (an active
 *     snapshot being made at that moment); the next collection removes what this one left
 */
public record CollectedSnapshots(List<Digest> removed, Optional<String> notCollected) {

    public CollectedSnapshots {
        removed = List.copyOf(removed);
        java.util.Objects.requireNonNull(notCollected, "notCollected");
    }
}
