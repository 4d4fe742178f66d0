package dev.berth.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@code berth logs} asks for.
 *
 * @param follow     {@code -f}: keep writing what the container writes until it exits
 * @param tail       {@code --tail N}: only the last N lines there were (all when empty)
 * @param timestamps {@code -t}: each line prefixed with its time in RFC 3339, nanoseconds, UTC
 */
public record LogsRequest(boolean follow, OptionalInt tail, boolean timestamps) {

    public LogsRequest {
        Objects.requireNonNull(tail, "tail");
        if (tail.isPresent() && tail.getAsInt() < 0) {
            throw new IllegalArgumentException("--tail is not negative: " + tail.getAsInt());
        }
    }
}
