package dev.berth.golang;

/**
 * Go's notion of white space ({@code unicode.IsSpace}) and the {@code strings} functions built on it, which
 * the Dockerfile syntax and {@code .dockerignore} are defined by. Java's own {@code Character.isWhitespace}
 * and {@code String.strip} disagree with them (no-break space, U+001C..U+001F).
 */
public final class GoStrings {

    private GoStrings() {
    }

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
    public static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String text) {
        return trimLeftSpace(trimRightSpace(text));
    }

    /** Go's {@code strings.TrimLeftFunc(text, unicode.IsSpace)}. */
    public static String trimLeftSpace(String text) {
        int start = 0;
        while (start < text.length()) {
            int c = text.codePointAt(start);
            if (!isSpace(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        return text.substring(start);
    }

    /** Go's {@code strings.TrimRightFunc(text, unicode.IsSpace)}. */
    public static String trimRightSpace(String text) {
        int end = text.length();
        while (end > 0) {
            int c = text.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(0, end);
    }

    /**
     * Go's {@code len} of the text between {@code from} and {@code to}: its UTF-8 byte count, as
     * {@code unicode/utf8.RuneLen} sums it. A lone surrogate counts as its 3-byte WTF-8 form.
     */
    public static long utf8Length(String text, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? surrogateBytes(text, i, to) : 3;
        }
        return length;
    }

    /** Half of a pair's 4 bytes, or the 3 bytes of a lone surrogate. */
    private static int surrogateBytes(String text, int i, int to) {
        char c = text.charAt(i);
        boolean paired = Character.isHighSurrogate(c)
                ? i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        return paired ? 2 : 3;
    }
}
