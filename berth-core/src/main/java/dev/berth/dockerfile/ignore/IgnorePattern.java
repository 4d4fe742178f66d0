package dev.berth.dockerfile.ignore;

import java.util.Objects;

/**
 * One pattern of an ignore file as Docker reads it: trimmed and cleaned, {@code !} kept in front of
 * an exception, with the 1-based line it came from so a user can be told "excluded by line 3".
 */
public record IgnorePattern(String text, int line) {

    public IgnorePattern {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an ignore pattern is never empty");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    /** True for a {@code !pattern}, which re-includes what earlier patterns excluded. */
    public boolean exception() {
        return text.charAt(0) == '!';
    }
}
