package dev.berth.image;

/**
 * A JSON string exactly as Go's {@code encoding/json} writes it: HTML-sensitive characters and the line
 * separators as six-character Unicode escapes, control characters short-escaped where Go does, and what
 * is not valid UTF-16 (a lone surrogate) replaced by U+FFFD. Image configs must be byte-identical to
 * Docker's, and the CLI's {@code --format json} output matches Docker's.
 */
public final class GoJsonString {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonString() {
    }

    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendQuoted(text, out);
        return out.toString();
    }

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
                        // Go replaces what is not valid UTF-8 with U+FFFD.
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
