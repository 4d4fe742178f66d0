package dev.berth.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One mount {@code berth run} was asked for ({@code -v}, {@code --mount}, {@code --tmpfs}), not yet resolved. */
public sealed interface MountRequest {

    String target();

    /**
     * A host path bound into the container.
     *
     * @param createSource {@code -v}'s rule: a missing source directory is made; {@code --mount} refuses it
     */
    record Bind(Path source, String target, boolean readOnly, boolean createSource) implements MountRequest {

        public Bind {
            Objects.requireNonNull(source, "source");
            checkTarget(target);
        }
    }

    /**
     * A local volume: the named one (made if missing) or, with no name, a new anonymous one.
     *
     * @param noCopy {@code volume-nocopy}: a new volume is not filled from the image
     */
    record Volume(Optional<String> name, String target, boolean readOnly, boolean noCopy) implements MountRequest {

        public Volume {
            Objects.requireNonNull(name, "name");
            checkTarget(target);
        }
    }

    /** A tmpfs with its mount options ({@code size=64m}, {@code mode=1777}). */
    record Tmpfs(String target, List<String> options) implements MountRequest {

        public Tmpfs {
            checkTarget(target);
            options = List.copyOf(options);
        }
    }

    private static void checkTarget(String target) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("a mount target must be an absolute path: " + target);
        }
    }
}
