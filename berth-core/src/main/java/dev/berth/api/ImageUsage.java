package dev.berth.api;

import dev.berth.image.Digest;

/**
 * Whether a container uses an image, which {@code rmi} without {@code -f} and {@code image prune -a}
 * must respect. The container package implements it; until it exists, {@link #NO_CONTAINERS} answers
 * for a store that has no containers at all.
 */
@FunctionalInterface
public interface ImageUsage {

    /** No containers exist, so no image is in use. */
    ImageUsage NO_CONTAINERS = imageId -> false;

    boolean inUse(Digest imageId);
}
