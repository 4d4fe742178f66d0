package dev.berth.snapshot;

import java.util.Objects;

/**
 * A snapshot being used by a container: its key and how to make it a root file system. Written to only
 * while it is prepared; read-only when it was made by {@link Snapshotter#view}.
 */
public record ActiveSnapshot(String key, RootMount root) {

    public ActiveSnapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(root, "root");
    }
}
