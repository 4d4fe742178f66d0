package dev.berth.archive;

import dev.berth.image.Digest;
import dev.berth.image.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * An image to write into an archive: its stored manifest (written with the bytes it has in the store)
 * and the full reference names to record for it, none for an image saved by ID without names.
 */
public record SavedImage(Digest manifestDigest, Manifest manifest, List<String> names) {

    public SavedImage {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifest, "manifest");
        names = List.copyOf(names);
    }
}
