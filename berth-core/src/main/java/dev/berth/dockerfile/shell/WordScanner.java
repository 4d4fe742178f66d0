package dev.berth.dockerfile.shell;

/**
 * A cursor over the code points of one word, like the Go {@code text/scanner} BuildKit reads with:
 * {@link #EOF} past the end, and a byte order mark at the very start skipped. Also reads parameter
 * names, the one token the lexer needs.
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

    /** A name: digits only if it starts with one, a single special parameter, or letters, digits and _. */
    String readName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParameter(ch)) {
                return Character.toString(next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    /** POSIX special parameters; BuildKit looks them up in the environment like any other name. */
    private static boolean isSpecialParameter(int ch) {
        return switch (ch) {
            case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
            default -> false;
        };
    }

    /** A code point as Go's {@code string(rune)} prints it: the replacement character for EOF. */
    static String display(int codePoint) {
        return codePoint == EOF ? "\uFFFD" : Character.toString(codePoint);
    }
}
