package dev.berth.runtime;

import java.util.Objects;

/**
 * A resource limit set with {@code setrlimit} before the process starts.
 *
 * @param type {@code RLIMIT_NOFILE}, {@code RLIMIT_NPROC}, ...
 * @param soft the soft limit
 * @param hard the hard limit, at least the soft one
 */
public record Rlimit(String type, long soft, long hard) {

    public Rlimit {
        Objects.requireNonNull(type, "type");
        if (!type.startsWith("RLIMIT_")) {
            throw new IllegalArgumentException("an rlimit type starts with RLIMIT_: " + type);
        }
        if (soft < 0 || hard < soft) {
            throw new IllegalArgumentException("%s needs 0 <= soft <= hard: %d, %d".formatted(type, soft, hard));
        }
    }
}
