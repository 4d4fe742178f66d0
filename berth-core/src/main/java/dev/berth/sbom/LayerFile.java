package dev.berth.sbom;

import dev.berth.image.Digest;
import java.util.Objects;

/**
 * One path of the image's final file system as the layer that provides it records it.
 *
 * @param path   absolute and clean: {@code /var/lib/dpkg/status}
 * @param layer  the diffID of the layer whose entry the final file system shows
 * @param link   a symlink's target, or a hard link's (absolute) target; empty otherwise
 */
public record LayerFile(String path, Digest layer, Kind kind, int mode, long size, String link) {

    /** What the tar entry is; devices, FIFOs and the rest are {@code OTHER}. */
    public enum Kind { FILE, HARDLINK, SYMLINK, DIRECTORY, OTHER }

    public LayerFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(link, "link");
    }

    /** The last path component. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean executable() {
        return (mode & 0111) != 0;
    }
}
