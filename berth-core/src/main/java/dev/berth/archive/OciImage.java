package dev.berth.archive;

import dev.berth.image.Manifest;
import java.util.List;
import java.util.Objects;

/** An image an archive's {@code index.json} lists: its manifest file, parsed, and the full names it gives it. */
record OciImage(ArchiveEntries.Content manifestBlob, Manifest manifest, List<String> names) {

    OciImage {
        Objects.requireNonNull(manifestBlob, "manifestBlob");
        Objects.requireNonNull(manifest, "manifest");
        names = List.copyOf(names);
    }
}
