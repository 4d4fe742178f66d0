package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the exec form of an instruction the way Go's {@code encoding/json} reads it into {@code []any}:
 * strict RFC 8259 (no trailing commas, no control characters in strings), nesting up to 10,000 levels,
 * checked without recursion. Invalid JSON means "not exec form"; a valid array holding anything but
 * strings is an error, as in BuildKit.
 */
final class JsonStringArray {

    /** Go's {@code encoding/json} limit on nesting. */
    private static final int MAX_DEPTH = 10_000;

    /** The array is valid JSON but an element is not a string. */
    static final class NotStringsException extends Exception {
        private static final long serialVersionUID = 1L;

        NotStringsException() {
            super("when using JSON array syntax, arrays must be comprised of strings only", null, false, false);
        }
    }

    private final String text;
    private int pos;

    private JsonStringArray(String text) {
        this.text = text;
    }

    /** The strings of {@code text} when it is a JSON array of strings; empty when it is not JSON. */
    static Optional<List<String>> parse(String text) throws NotStringsException {
        String trimmed = GoStrings.trimLeftSpace(text);
        if (!trimmed.startsWith("[")) {
            return Optional.empty();
        }
        return new JsonStringArray(trimmed).read();
    }

    private Optional<List<String>> read() throws NotStringsException {
        List<String> strings = new ArrayList<>();
        boolean allStrings = true;
        pos = 1;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return finish(strings, true);
        }
        while (true) {
            skipWhitespace();
            if (peek() == '"') {
                String value = string();
                if (value == null) {
                    return Optional.empty();
                }
                strings.add(value);
            } else {
                allStrings = false;
                if (!value()) {
                    return Optional.empty();
                }
            }
            skipWhitespace();
            int c = peek();
            pos++;
            if (c == ']') {
                return finish(strings, allStrings);
            }
            if (c != ',') {
                return Optional.empty();
            }
        }
    }

    private Optional<List<String>> finish(List<String> strings, boolean allStrings) throws NotStringsException {
        skipWhitespace();
        if (pos != text.length()) {
            return Optional.empty();
        }
        if (!allStrings) {
            throw new NotStringsException();
        }
        return Optional.of(strings);
    }

    /** Checks one value of any kind, nested containers included, with an explicit stack. */
    private boolean value() {
        StringBuilder open = new StringBuilder();
        while (true) {
            skipWhitespace();
            int c = peek();
            boolean closedEmpty = false;
            if (c == '[' || c == '{') {
                if (open.length() + 2 > MAX_DEPTH) {
                    return false;
                }
                open.append((char) c);
                pos++;
                skipWhitespace();
                int close = c == '[' ? ']' : '}';
                if (peek() == close) {
                    pos++;
                    open.setLength(open.length() - 1);
                    closedEmpty = true;
                } else if (c == '{' && !member()) {
                    return false;
                } else {
                    continue;
                }
            }
            if (!closedEmpty && !scalar()) {
                return false;
            }
            // After a complete value: close containers or move to the next element.
            while (true) {
                if (open.isEmpty()) {
                    return true;
                }
                skipWhitespace();
                int next = peek();
                char container = open.charAt(open.length() - 1);
                pos++;
                if (next == ',') {
                    if (container == '{' && !member()) {
                        return false;
                    }
                    break;
                }
                if (next != (container == '[' ? ']' : '}')) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
    }

    /** An object member's key and colon; the value follows. */
    private boolean member() {
        skipWhitespace();
        if (peek() != '"' || string() == null) {
            return false;
        }
        skipWhitespace();
        if (peek() != ':') {
            return false;
        }
        pos++;
        return true;
    }

    private boolean scalar() {
        int c = peek();
        if (c == '"') {
            return string() != null;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, pos)) {
                pos += literal.length();
                return true;
            }
        }
        return false;
    }

    /**
     * A number; one too large for a float64 counts as invalid, since Go's decoder then fails with a type
     * error and BuildKit falls back to the shell form.
     */
    private boolean number() {
        int start = pos;
        return numberSyntax() && !Double.isInfinite(Double.parseDouble(text.substring(start, pos)));
    }

    private boolean numberSyntax() {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            return digits();
        }
        return true;
    }

    private boolean digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** A string starting at {@code pos}, decoded as Go does (bad surrogates become U+FFFD); null if invalid. */
    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            int e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> out.append((char) e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int unit = hex4(pos);
                    if (unit < 0) {
                        return null;
                    }
                    pos += 4;
                    if (Character.isHighSurrogate((char) unit) && text.startsWith("\\u", pos)
                            && hex4(pos + 2) >= 0 && Character.isLowSurrogate((char) hex4(pos + 2))) {
                        out.append((char) unit).append((char) hex4(pos + 2));
                        pos += 6;
                    } else {
                        out.append(Character.isSurrogate((char) unit) ? '\uFFFD' : (char) unit);
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private int hex4(int at) {
        if (at + 4 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
