package dev.berth.golang;

import java.util.Comparator;

/**
 * Strings and map keys as Go's {@code encoding/json} writes them. Image configs must be byte-identical to
 * Docker's, because an image's ID is the digest of their bytes, and the CLI's {@code --format json} output
 * matches Docker's.
 */
public final class GoJsonText {

    /**
     * Go's {@code encoding/json} order of map keys: by their UTF-8 bytes, which is code point order, not
     * Java's UTF-16 order.
     */
    public static final Comparator<String> MAP_KEY_ORDER = (left, right) -> {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    };

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonText() {
    }

    /** Go's {@code json.Marshal} of a string. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendQuoted(text, out);
        return out.toString();
    }

    /**
     * Go's {@code encoding/json} {@code appendString} with HTML escaping on, as {@code json.Marshal} uses it:
     * {@code <}, {@code >}, {@code &} and the line separators as six-character Unicode escapes, control
     * characters short-escaped where Go does, and what is not valid UTF-16 (a lone surrogate, which would be
     * invalid UTF-8 in Go) replaced by U+FFFD.
     */
    public static void appendQuoted(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, out);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
