package dev.berth.export;

import dev.berth.image.Digest;
import dev.berth.image.Manifest;
import java.util.List;
import java.util.Objects;

/**
 * A built image whose blobs are in the content store: its manifest (and that manifest's digest), the
 * diffIDs of its layers in order, and the full reference names an archive records for it.
 */
public record BuiltImage(Digest manifestDigest, Manifest manifest, List<Digest> diffIds, List<String> names) {

    public BuiltImage {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifest, "manifest");
        diffIds = List.copyOf(diffIds);
        names = List.copyOf(names);
        if (diffIds.size() != manifest.layers().size()) {
            throw new IllegalArgumentException("the image has " + manifest.layers().size() + " layers but "
                    + diffIds.size() + " diffIDs");
        }
    }
}
