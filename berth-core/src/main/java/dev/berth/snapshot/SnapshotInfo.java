package dev.berth.snapshot;

import java.util.Objects;

/**
 * One snapshot a snapshotter holds.
 *
 * @param name the chain ID of a committed snapshot, or the key of an active one
 */
public record SnapshotInfo(String name, Kind kind) {

    /** Committed snapshots are immutable and shared; active ones belong to one container. */
    public enum Kind { COMMITTED, ACTIVE }

    public SnapshotInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
