package dev.berth.dockerfile.shell;

/**
 * A word could not be expanded: an unterminated quote or {@code ${}}, a bad substitution, an
 * unsupported modifier, an invalid pattern, or a {@code ${VAR?message}} whose variable is unset.
 *
 * <p>The message is BuildKit's own text (for example {@code VAR: is not allowed to be unset} or
 * {@code syntax error: missing '}'}), without BuildKit's {@code failed to process "..."} prefix.
 * The offset is the 0-based {@code char} index in the expanded word where the failing construct
 * starts (its {@code $} or opening quote), so a caller can point a diagnostic's column at it.
 */
public final class ExpansionException extends RuntimeException {

    private final int offset;

    public ExpansionException(String message, int offset) {
        super(message);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        this.offset = offset;
    }

    /** 0-based {@code char} index in the word where the failing construct starts. */
    public int offset() {
        return offset;
    }
}
