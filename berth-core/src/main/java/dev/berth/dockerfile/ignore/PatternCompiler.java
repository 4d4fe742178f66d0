package dev.berth.dockerfile.ignore;

import java.util.regex.Pattern;

/**
 * Turns one cleaned pattern (without its {@code !}) into a {@link PathTest}, following the token
 * rules of Docker's patternmatcher: {@code *} is any run of non-{@code /} characters, {@code ?} one
 * such character, {@code **} any number of whole directories (a trailing {@code **} anything at
 * all), {@code \} escapes the next character, and {@code [...]} is a character class. Like Docker, a
 * {@code ^} outside a class stays a regular-expression anchor once the pattern has wildcards.
 *
 * <p>Deliberate differences, each for patterns Docker handles by accident: inside a class,
 * {@code *} and {@code ?} are literal (Docker's translation splices its wildcard expression into the
 * class), POSIX classes such as {@code [[:alpha:]]} are not recognised, and escapes of letters or
 * digits other than Go's simple ones ({@code \a \f \t \n \r \v \d \D \s \S \w \W \b \B \A \z}) are
 * refused rather than given Go's octal and Unicode-class meanings.
 */
final class PatternCompiler {

    private static final String META_ESCAPED = ".+()|{}$";
    private static final String NOT_SLASH = "[^/]";

    private PatternCompiler() {
    }

    static PathTest compile(String pattern) throws MalformedPatternException {
        GlobSyntax.check(pattern);
        StringBuilder regex = new StringBuilder("^");
        Kind kind = Kind.EXACT;
        int i = 0;
        for (int token = 0; i < pattern.length(); token++) {
            int c = pattern.codePointAt(i);
            int start = i;
            i += Character.charCount(c);
            if (c == '*' && i < pattern.length() && pattern.charAt(i) == '*') {
                i++;
                if (i < pattern.length() && pattern.charAt(i) == '/') {
                    i++;
                }
                if (i >= pattern.length()) {
                    if (kind == Kind.EXACT) {
                        kind = Kind.PREFIX;
                    } else {
                        regex.append(".*");
                        kind = Kind.REGEX;
                    }
                } else {
                    regex.append("(?:.*/)?");
                    kind = Kind.REGEX;
                }
                if (token == 0) {
                    kind = Kind.SUFFIX;
                }
            } else if (c == '*') {
                regex.append(NOT_SLASH).append('*');
                kind = Kind.REGEX;
            } else if (c == '?') {
                regex.append(NOT_SLASH);
                kind = Kind.REGEX;
            } else if (c == '\\') {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                regex.append(escape(escaped, start));
                kind = Kind.REGEX;
            } else if (c == '[') {
                i = appendClass(pattern, i, regex);
                kind = Kind.REGEX;
            } else if (c == ']') {
                regex.append("\\]");
                kind = Kind.REGEX;
            } else if (c == '^') {
                regex.append('^');
            } else if (META_ESCAPED.indexOf(c) >= 0) {
                regex.append('\\').appendCodePoint(c);
            } else {
                regex.append(literal(c));
            }
        }
        return switch (kind) {
            case EXACT -> new PathTest.Exact(pattern);
            case PREFIX -> new PathTest.Prefix(pattern.substring(0, pattern.length() - 2));
            case SUFFIX -> new PathTest.Suffix(pattern.substring(2));
            case REGEX -> new PathTest.Expression(Pattern.compile(regex.append("\\z").toString()));
        };
    }

    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    /** Go's regexp meaning of {@code \c}: punctuation is literal, some letters are classes. */
    private static String escape(int c, int at) throws MalformedPatternException {
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return literal(c);
        }
        return switch (c) {
            case 'a' -> "\\x07";
            case 'f' -> "\\f";
            case 't' -> "\\t";
            case 'n' -> "\\n";
            case 'r' -> "\\r";
            case 'v' -> "\\x0B";
            case 'd', 'D', 'w', 'W', 'b', 'B', 'A', 'z' -> "\\" + (char) c;
            case 's' -> "[\\t\\n\\f\\r ]";
            case 'S' -> "[^\\t\\n\\f\\r ]";
            default -> throw new MalformedPatternException(
                    "escape \\" + Character.toString(c) + " is not supported (Docker's matcher rejects or"
                            + " reinterprets it); write the character without the backslash", at);
        };
    }

    /** Appends the class whose body starts at {@code i} (after the {@code [}); returns the index after it. */
    private static int appendClass(String pattern, int i, StringBuilder regex) throws MalformedPatternException {
        regex.append('[');
        if (pattern.charAt(i) == '^') {
            regex.append('^');
            i++;
        }
        boolean first = true;
        while (!(pattern.charAt(i) == ']' && !first)) {
            first = false;
            int[] lo = classChar(pattern, i);
            regex.append(hex(lo[0]));
            i = lo[1];
            if (pattern.charAt(i) == '-') {
                int[] hi = classChar(pattern, i + 1);
                regex.append('-').append(hex(hi[0]));
                i = hi[1];
            }
        }
        regex.append(']');
        return i + 1;
    }

    /** One class character (GlobSyntax has checked the class is well formed); {code, next index}. */
    private static int[] classChar(String pattern, int i) throws MalformedPatternException {
        if (pattern.charAt(i) == '\\') {
            int c = pattern.codePointAt(i + 1);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                throw new MalformedPatternException("escape \\" + (char) c
                        + " inside a character class is not supported; write the character itself", i);
            }
            return new int[] {c, i + 1 + Character.charCount(c)};
        }
        int c = pattern.codePointAt(i);
        return new int[] {c, i + Character.charCount(c)};
    }

    private static String hex(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    private static String literal(int codePoint) {
        return codePoint < 0x80 && !Character.isLetterOrDigit(codePoint)
                ? hex(codePoint)
                : Character.toString(codePoint);
    }
}
