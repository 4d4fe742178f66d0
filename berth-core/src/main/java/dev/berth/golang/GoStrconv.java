package dev.berth.golang;

/**
 * Go's {@code strconv} quoting, which BuildKit's error messages, its syntax-tree dump and the history text
 * of image configs ({@code %q}) are written with.
 */
public final class GoStrconv {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoStrconv() {
    }

    /**
     * Go's {@code strconv.Quote}: double quotes, {@code \a \b \f \n \r \t \v \\ \"}, {@code \xNN} for
     * other ASCII controls and for bytes that are not UTF-8 (here: lone surrogates, as their WTF-8 bytes),
     * backslash-u with 4 hex digits or backslash-U with 8 for runes Go does not consider printable.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                hexByte(out, 0xE0 | (c >> 12));
                hexByte(out, 0x80 | ((c >> 6) & 0x3F));
                hexByte(out, 0x80 | (c & 0x3F));
            } else {
                appendEscaped(out, c, '"');
            }
        }
        return out.append('"').toString();
    }

    /**
     * Go's {@code strconv.QuoteRune}, which is also what {@code %q} prints for an integer: single quotes, the
     * escapes of {@link #quote} with {@code \'} instead of {@code \"}, and U+FFFD for what is not a rune
     * (a surrogate, a negative number or one above U+10FFFF).
     */
    public static String quoteRune(int rune) {
        boolean valid = rune >= 0 && rune <= Character.MAX_CODE_POINT
                && !(rune >= Character.MIN_SURROGATE && rune <= Character.MAX_SURROGATE);
        StringBuilder out = new StringBuilder(12).append('\'');
        appendEscaped(out, valid ? rune : 0xFFFD, '\'');
        return out.append('\'').toString();
    }

    /** Go's {@code strconv.IsPrint} (the same as {@code unicode.IsPrint}): L, M, N, P, S and the ASCII space. */
    public static boolean isPrint(int c) {
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

    /** Go's {@code appendEscapedRune}: one rune inside a literal delimited by {@code quote}. */
    private static void appendEscaped(StringBuilder out, int c, char quote) {
        if (c == quote || c == '\\') {
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
                    hexByte(out, c);
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

    /**
     * Go's {@code strconv.Atoi} (64-bit {@code int}): an optional sign and decimal digits.
     *
     * @throws NumberFormatException with Go's text, {@code strconv.Atoi: parsing "x": invalid syntax} or
     *                               {@code ...: value out of range}
     */
    public static long atoi(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        return parseDecimal("Atoi", text, start, text.startsWith("-"), Long.MAX_VALUE);
    }

    /**
     * Go's {@code strconv.ParseUint(text, 10, bits)}: decimal digits only, at most {@code 2^bits - 1} (bits below 64).
     *
     * @throws NumberFormatException with Go's text, {@code strconv.ParseUint: parsing "x": invalid syntax}
     */
    public static long parseUint(String text, int bits) {
        return parseDecimal("ParseUint", text, 0, false, (1L << bits) - 1);
    }

    private static long parseDecimal(String function, String text, int start, boolean negative, long max) {
        if (start >= text.length()) {
            throw numberError(function, text, "invalid syntax");
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw numberError(function, text, "invalid syntax");
            }
        }
        java.math.BigInteger value = new java.math.BigInteger(text.substring(start));
        java.math.BigInteger limit = java.math.BigInteger.valueOf(max).add(negative ? java.math.BigInteger.ONE
                : java.math.BigInteger.ZERO);
        if (value.compareTo(limit) > 0) {
            throw numberError(function, text, "value out of range");
        }
        return negative ? value.negate().longValueExact() : value.longValueExact();
    }

    private static NumberFormatException numberError(String function, String text, String cause) {
        return new NumberFormatException("strconv." + function + ": parsing " + quote(text) + ": " + cause);
    }
}
