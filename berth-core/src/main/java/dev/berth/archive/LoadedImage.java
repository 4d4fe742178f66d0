package dev.berth.archive;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;

/** An image {@code load} stored: its ID (the config digest), its manifest digest and the full names given it. */
public record LoadedImage(Digest id, Digest manifest, List<String> names) {

    public LoadedImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        names = List.copyOf(names);
    }
}
