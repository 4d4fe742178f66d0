package dev.berth.api;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image {@link Berth#load} stored from an archive.
 *
 * @param id       the image ID (the config digest)
 * @param manifest the digest of its manifest
 * @param names    the full names the archive gave it ({@code docker.io/library/busybox:latest}), maybe none
 */
public record ArchiveImage(Digest id, Digest manifest, List<String> names) {

    public ArchiveImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        names = List.copyOf(names);
    }
}
