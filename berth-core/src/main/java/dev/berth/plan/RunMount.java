package dev.berth.plan;

import dev.berth.dockerfile.instruction.Mount;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code RUN --mount} with its {@code from} resolved: a bind mount reads the build context unless
 * {@code from} names an earlier stage or an image; a cache mount is seeded from {@code from} when given.
 * Tmpfs and secret mounts take no source.
 *
 * @param from where a bind mount's (or a seeded cache mount's) files come from
 */
public record RunMount(Mount mount, Optional<CopySource> from) {

    public RunMount {
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(from, "from");
        if (mount instanceof Mount.Bind && from.isEmpty()) {
            throw new IllegalArgumentException("a bind mount needs a source: the context, a stage or an image");
        }
    }
}
