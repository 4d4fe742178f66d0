package dev.berth.sandbox;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A mount of a sandboxed process, resolved to something on the host (by the engine for a RUN step's
 * {@code --mount}s): a directory or file to bind (a context path, another stage's files, a cache directory, a
 * secret file) or an empty tmpfs.
 *
 * @param source the host path to bind; empty for a tmpfs
 * @param target the absolute path inside the container
 * @param tmpfsSize a tmpfs's size limit in bytes; empty for no limit (and for binds)
 */
public record HostMount(Optional<Path> source, String target, boolean readOnly, OptionalLong tmpfsSize) {

    public HostMount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tmpfsSize, "tmpfsSize");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("mount target must be absolute: " + target);
        }
        if (source.isPresent() && tmpfsSize.isPresent()) {
            throw new IllegalArgumentException("only a tmpfs has a size: " + target);
        }
    }

    public HostMount(Optional<Path> source, String target, boolean readOnly) {
        this(source, target, readOnly, OptionalLong.empty());
    }

    public static HostMount bind(Path source, String target, boolean readOnly) {
        return new HostMount(Optional.of(source), target, readOnly);
    }

    public static HostMount tmpfs(String target) {
        return new HostMount(Optional.empty(), target, false);
    }

    public static HostMount tmpfs(String target, OptionalLong size) {
        return new HostMount(Optional.empty(), target, false, size);
    }
}
