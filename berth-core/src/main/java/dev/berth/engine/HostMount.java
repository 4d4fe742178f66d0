package dev.berth.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A mount of a RUN step after the engine resolved it to something on the host: a directory or file to
 * bind (a context path, another stage's snapshot, a cache directory, a secret file) or an empty tmpfs.
 *
 * @param source the host path to bind; empty for a tmpfs
 * @param target the absolute path inside the container
 */
public record HostMount(Optional<Path> source, String target, boolean readOnly) {

    public HostMount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("mount target must be absolute: " + target);
        }
    }

    public static HostMount bind(Path source, String target, boolean readOnly) {
        return new HostMount(Optional.of(source), target, readOnly);
    }

    public static HostMount tmpfs(String target) {
        return new HostMount(Optional.empty(), target, false);
    }
}
