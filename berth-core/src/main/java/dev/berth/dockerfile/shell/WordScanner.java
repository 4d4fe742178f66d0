package dev.berth.dockerfile.shell;

/**
 * A cursor over the code points of one word, like the Go {@code text/scanner} BuildKit reads with:
 * {@link #EOF} past the end, and a byte order mark at the very start skipped.
 */
final class WordScanner {

    static final int EOF = -1;

    private final String text;
    private int position;

    WordScanner(String text) {
        this.text = text;
        this.position = text.startsWith("\uFEFF") ? 1 : 0;
    }

    int peek() {
        return position < text.length() ? text.codePointAt(position) : EOF;
    }

    int next() {
        int codePoint = peek();
        if (codePoint != EOF) {
            position += Character.charCount(codePoint);
        }
        return codePoint;
    }

    /** The {@code char} index of the next code point. */
    int position() {
        return position;
    }

    /** A code point as Go's {@code string(rune)} prints it: the replacement character for EOF. */
    static String display(int codePoint) {
        return codePoint == EOF ? "\uFFFD" : Character.toString(codePoint);
    }
}
