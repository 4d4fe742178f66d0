package dev.berth.container;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code berth logs} asks for.
 *
 * @param follow     {@code -f}: keep printing what the container writes until it exits
 * @param tail       {@code --tail N}: only the last N lines that were there (all when empty)
 * @param timestamps {@code -t}: each line prefixed with its time in RFC 3339, nanoseconds, UTC
 * @param since      {@code --since}: only lines from then on
 */
public record LogOptions(boolean follow, OptionalInt tail, boolean timestamps, Optional<Instant> since) {

    public LogOptions {
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(since, "since");
        if (tail.isPresent() && tail.getAsInt() < 0) {
            throw new IllegalArgumentException("--tail is not negative: " + tail.getAsInt());
        }
    }

    /** Everything there is, once. */
    public static LogOptions all() {
        return new LogOptions(false, OptionalInt.empty(), false, Optional.empty());
    }
}
