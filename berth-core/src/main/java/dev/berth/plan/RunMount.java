package dev.berth.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code RUN --mount}, its values expanded, BuildKit's defaults filled in and {@code from} resolved as COPY's:
 * a bind mount reads the build context unless {@code from} names an earlier stage or an image; a cache mount is
 * seeded from {@code from} when given. Tmpfs, secret and ssh mounts take no files.
 */
public sealed interface RunMount {

    /** Where the mount appears in the RUN container; empty only for a secret exposed as env, and ssh. */
    Optional<String> target();

    /** Where the mount's files come from: a bind mount's source, a seeded cache mount's; empty for the others. */
    default Optional<CopySource> reads() {
        return switch (this) {
            case Bind bind -> Optional.of(bind.from());
            case Cache cache -> cache.from();
            case Tmpfs _, Secret _, Ssh _, Script _ -> Optional.empty();
        };
    }

    /** {@code type=bind}: a read-only (unless rw) view of {@code source} in the context, a stage or an image. */
    record Bind(Optional<String> target, String source, CopySource from, boolean readWrite) implements RunMount {
        public Bind {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(from, "from");
        }
    }

    /** {@code type=cache}: a directory kept between builds, keyed by {@code id} (the target by default). */
    record Cache(Optional<String> target, String id, Sharing sharing, Optional<CopySource> from, String source,
            boolean readOnly, int mode, long uid, long gid) implements RunMount {
        public Cache {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sharing, "sharing");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(source, "source");
        }
    }

    /** {@code type=tmpfs}: an empty in-memory file system, optionally bounded in bytes. */
    record Tmpfs(Optional<String> target, OptionalLong size) implements RunMount {
        public Tmpfs {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(size, "size");
        }
    }

    /** {@code type=secret}: a file (or an environment variable) holding a build secret. */
    record Secret(String id, Optional<String> target, Optional<String> env, boolean required, int mode, long uid,
            long gid) implements RunMount {
        public Secret {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(env, "env");
        }
    }

    /** {@code type=ssh}: the client's SSH agent socket (refused when the build is planned). */
    record Ssh(String id, Optional<String> target, boolean required, int mode, long uid, long gid) implements RunMount {
        public Ssh {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
        }
    }

    /** {@code sharing=} of a cache mount: who may use one cache directory at the same time. */
    enum Sharing {
        SHARED,
        PRIVATE,
        LOCKED
    }

    /**
     * A RUN here-document that starts with {@code #!}, which BuildKit runs as a program: written as an executable
     * file, mounted read-only at {@code target} ({@code /dev/pipes/NAME}), and the step's command is that path.
     */
    record Script(String path, String content) implements RunMount {
        public Script {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a script's path must be absolute: " + path);
            }
        }

        @Override
        public Optional<String> target() {
            return Optional.of(path);
        }
    }
}
