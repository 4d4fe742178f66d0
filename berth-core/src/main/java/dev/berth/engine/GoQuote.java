package dev.berth.engine;

/** Go's {@code strconv.Quote} for the printable text history entries hold: BuildKit formats them with {@code %q}. */
final class GoQuote {

    private GoQuote() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go's {@code %q} of an int: a quoted rune, {@code '\x00'} for 0, {@code '\x03'} for 3. */
    static String quoteRune(int value) {
        if (value >= 0x20 && value < 0x7f && value != '\'' && value != '\\') {
            return "'" + (char) value + "'";
        }
        return value < 0x100 ? String.format("'\\x%02x'", value) : String.format("'\\u%04x'", value);
    }
}
