package dev.berth.dockerfile.ignore;

/**
 * A pattern Docker would refuse, with the character index (0-based, in the cleaned pattern) of the
 * construct at fault. Internal: {@link IgnoreMatcher} turns it into a diagnostic on the file's line.
 */
final class MalformedPatternException extends Exception {

    private final int index;

    MalformedPatternException(String message, int index) {
        super(message, null, false, false);
        this.index = index;
    }

    int index() {
        return index;
    }
}
