package dev.berth.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mount of a {@link RunRequest}, as {@code -v}, {@code --mount} and {@code --tmpfs} give it ({@link MountFlags}
 * reads Docker's syntax).
 */
public sealed interface RunMountRequest {

    /** The absolute path inside the container. */
    String target();

    /**
     * A host directory or file.
     *
     * @param createSource {@code -v}: a missing source directory is made; {@code --mount}: it is an error
     */
    record Bind(Path source, String target, boolean readOnly, boolean createSource) implements RunMountRequest {

        public Bind {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A named local volume (made if missing), or with no name a new anonymous one.
     *
     * @param noCopy {@code volume-nocopy}: an empty volume is not filled from the image
     */
    record Volume(Optional<String> name, String target, boolean readOnly, boolean noCopy) implements RunMountRequest {

        public Volume {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }
    }

    /** A tmpfs, with mount options such as {@code size=64m} and {@code mode=1777}. */
    record Tmpfs(String target, List<String> options) implements RunMountRequest {

        public Tmpfs {
            Objects.requireNonNull(target, "target");
            options = List.copyOf(options);
        }
    }
}
