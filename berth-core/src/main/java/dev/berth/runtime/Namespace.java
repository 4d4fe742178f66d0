package dev.berth.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A namespace the container gets: a new one, or joined through {@code path} (e.g. {@code /proc/PID/ns/net}).
 *
 * @param type which namespace
 * @param path an existing namespace to join, or empty for a new one
 */
public record Namespace(NamespaceType type, Optional<Path> path) {

    public Namespace {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
    }

    /** A new namespace of this type. */
    public static Namespace fresh(NamespaceType type) {
        return new Namespace(type, Optional.empty());
    }
}
