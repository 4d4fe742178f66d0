package dev.berth.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which snapshotter keeps its snapshots where: enough to open the same snapshotter again from another process,
 * as the sweep of a killed build's leftovers does to remove its active snapshot.
 *
 * @param kind       {@code overlay} or {@code copy}
 * @param root       the snapshotter's directory
 * @param privileged for {@code copy}: whether owners and devices are applied as in the layers (needs root)
 */
public record SnapshotterLocation(String kind, Path root, boolean privileged) {

    public static final String OVERLAY = "overlay";
    public static final String COPY = "copy";

    public SnapshotterLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(root, "root");
        if (!kind.equals(OVERLAY) && !kind.equals(COPY)) {
            throw new IllegalArgumentException("unknown snapshotter kind " + kind + ": overlay or copy");
        }
        root = root.toAbsolutePath().normalize();
    }

    /** Opens the snapshotter (which sweeps its own temporary directories of processes that are gone). */
    public Snapshotter open() {
        return kind.equals(OVERLAY) ? new OverlaySnapshotter(root) : new CopySnapshotter(root, privileged);
    }
}
