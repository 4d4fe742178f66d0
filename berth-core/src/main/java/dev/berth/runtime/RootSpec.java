package dev.berth.runtime;

import java.util.Objects;

/**
 * The container's root filesystem.
 *
 * @param path     a directory, absolute or relative to the bundle (usually {@code rootfs})
 * @param readonly whether the runtime mounts it read-only
 */
public record RootSpec(String path, boolean readonly) {

    public RootSpec {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the root path must not be empty");
        }
    }
}
