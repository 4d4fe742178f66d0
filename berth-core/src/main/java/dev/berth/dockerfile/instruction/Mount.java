package dev.berth.dockerfile.instruction;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One {@code RUN --mount=type=...}, with BuildKit's defaults filled in. */
public sealed interface Mount {

    /** Where the mount appears in the RUN container; empty only for secrets exposed as env and ssh. */
    Optional<String> target();

    /** {@code type=bind}: a read-only (unless rw) view of the context or of {@code from}. */
    record Bind(Optional<String> target, String source, Optional<String> from, boolean readWrite) implements Mount {
        public Bind {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(from, "from");
        }
    }

    /** {@code type=cache}: a directory kept between builds, keyed by {@code id} (the target by default). */
    record Cache(Optional<String> target, String id, Sharing sharing, Optional<String> from, String source,
            boolean readOnly, int mode, long uid, long gid) implements Mount {
        public Cache {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sharing, "sharing");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(source, "source");
        }
    }

    /** {@code type=tmpfs}: an empty in-memory file system, optionally bounded in bytes. */
    record Tmpfs(Optional<String> target, OptionalLong size) implements Mount {
        public Tmpfs {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(size, "size");
        }
    }

    /** {@code type=secret}: a file (or an environment variable) holding a build secret. */
    record Secret(String id, Optional<String> target, Optional<String> env, boolean required, int mode, long uid,
            long gid) implements Mount {
        public Secret {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(env, "env");
        }
    }

    /** {@code type=ssh}: the client's SSH agent socket. */
    record Ssh(String id, Optional<String> target, boolean required, int mode, long uid, long gid) implements Mount {
        public Ssh {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(id, "id");
        }
    }

    /** {@code sharing=} of a cache mount. */
    enum Sharing {
        SHARED,
        PRIVATE,
        LOCKED
    }
}
