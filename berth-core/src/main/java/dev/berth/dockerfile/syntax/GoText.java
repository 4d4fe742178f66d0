package dev.berth.dockerfile.syntax;

/**
 * Go's notions of white space and of a quoted string, which the Dockerfile syntax and its dump are
 * defined by: {@code unicode.IsSpace}, {@code strings.TrimSpace} and {@code strconv.Quote}. Java's own
 * {@code Character.isWhitespace} and {@code String.strip} disagree with them (no-break space, U+001C..1F).
 */
final class GoText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
    static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** The characters of Go's {@code [\t\v\f\r ]} class, which splits whitespace-delimited arguments. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String trimSpace(String text) {
        return trimLeftSpace(trimRightSpace(text));
    }

    static String trimLeftSpace(String text) {
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

    static String trimRightSpace(String text) {
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

    /** Number of bytes {@code text} takes in UTF-8 (a lone surrogate counts as its 3-byte WTF-8 form). */
    static long utf8Length(String text, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? surrogateBytes(text, i, to) : 3;
        }
        return length;
    }

    private static int surrogateBytes(String text, int i, int to) {
        char c = text.charAt(i);
        boolean paired = Character.isHighSurrogate(c)
                ? i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        return paired ? 2 : 3;
    }

    /**
     * Go's {@code strconv.Quote}: double quotes, {@code \a \b \f \n \r \t \v \\ \"}, {@code \xNN} for
     * other ASCII controls and for bytes that are not UTF-8 (here: lone surrogates, as their WTF-8 bytes),
     * backslash-u with 4 hex digits or backslash-U with 8 for runes Go does not consider printable.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                hexByte(out, 0xE0 | (c >> 12));
                hexByte(out, 0x80 | ((c >> 6) & 0x3F));
                hexByte(out, 0x80 | (c & 0x3F));
            } else {
                appendEscaped(out, c);
            }
        }
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        if (c == '"' || c == '\\') {
            out.append('\\').append((char) c);
            return;
        }
        if (isPrint(c)) {
            out.appendCodePoint(c);
            return;
        }
        switch (c) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (c < ' ' || c == 0x7F) {
                    out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else if (c < 0x10000) {
                    out.append("\\u");
                    hexDigits(out, c, 4);
                } else {
                    out.append("\\U");
                    hexDigits(out, c, 8);
                }
            }
        }
    }

    private static void hexByte(StringBuilder out, int value) {
        out.append("\\x").append(HEX[(value >> 4) & 0xF]).append(HEX[value & 0xF]);
    }

    private static void hexDigits(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xF]);
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
