package dev.berth.dockerfile.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns of {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}}, matched as BuildKit does.
 *
 * <p>BuildKit turns the pattern into a Go regular expression: {@code *} is any run of characters
 * (shortest or longest), {@code ?} any one character, and both stop at a newline because Go's
 * {@code .} does not match one. Bracket expressions are not supported: {@code [} is literal. A
 * backslash (always a backslash, whatever the escape character) quotes {@code *}, {@code ?} or
 * {@code \}, and is dropped before {@code /} or {@code }}; before anything else it is an error.
 */
final class ShellPattern {

    private final Pattern regex;

    private ShellPattern(Pattern regex) {
        this.regex = regex;
    }

    /** Compiles a pattern; {@code anchored} matches only at the start of the value. */
    static ShellPattern compile(String pattern, boolean greedy, boolean anchored) throws InvalidPattern {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        int[] tokens = pattern.codePoints().toArray();
        // BuildKit reads the pattern with Go's text/scanner too, which skips a leading byte order mark.
        int first = tokens.length > 0 && tokens[0] == 0xFEFF ? 1 : 0;
        for (int i = first; i < tokens.length; i++) {
            int token = tokens[i];
            switch (token) {
                case '*' -> out.append(greedy ? ".*" : ".*?");
                case '?' -> out.append('.');
                case '\\' -> {
                    int next = i + 1 < tokens.length ? tokens[i + 1] : -1;
                    if (next == '}' || next == '/') {
                        continue;
                    }
                    if (next != '*' && next != '?' && next != '\\') {
                        throw new InvalidPattern("invalid escape '\\" + WordScanner.display(next) + "'");
                    }
                    appendLiteral(out, next);
                    i++;
                }
                default -> appendLiteral(out, token);
            }
        }
        // UNIX_LINES: only '\n' stops '.', as in Go.
        return new ShellPattern(Pattern.compile(out.toString(), Pattern.UNIX_LINES));
    }

    /** {@code ${VAR#p}} and {@code ${VAR##p}}: the value without its shortest or longest matching prefix. */
    static String trimPrefix(String pattern, String value, boolean greedy) throws InvalidPattern {
        Matcher matcher = compile(pattern, greedy, true).regex.matcher(value);
        return matcher.lookingAt() ? value.substring(matcher.end()) : value;
    }

    /**
     * {@code ${VAR%p}} and {@code ${VAR%%p}}. Like BuildKit, reverses the pattern and the value so
     * that a leftmost match finds the shortest or longest suffix; a reported pattern is reversed too.
     */
    static String trimSuffix(String pattern, String value, boolean greedy) throws InvalidPattern {
        String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
        return reverse(reversed);
    }

    /** {@code ${VAR/p/r}}: replaces the leftmost longest match, taking the replacement literally. */
    String replaceFirst(String value, String replacement) {
        Matcher matcher = regex.matcher(value);
        if (!matcher.find()) {
            return value;
        }
        return value.substring(0, matcher.start()) + replacement + value.substring(matcher.end());
    }

    /**
     * {@code ${VAR//p/r}}: replaces every match the way Go's {@code Regexp.ReplaceAllString} does,
     * including its quirks: an empty match right after a match is not replaced, and the replacement
     * is a Go template where {@code $0} is the matched text, {@code $$} a dollar and other names empty.
     */
    String replaceAll(String value, String replacement) {
        Matcher matcher = regex.matcher(value);
        StringBuilder out = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= value.length() && matcher.find(searchPos)) {
            out.append(value, lastMatchEnd, matcher.start());
            if (matcher.end() > lastMatchEnd || matcher.start() == 0) {
                ReplacementTemplate.expand(replacement, matcher.group(), out);
            }
            lastMatchEnd = matcher.end();
            int width = searchPos < value.length() ? Character.charCount(value.codePointAt(searchPos)) : 0;
            if (searchPos + width > matcher.end()) {
                searchPos += width;
            } else if (searchPos + 1 > matcher.end()) {
                searchPos++;
            } else {
                searchPos = matcher.end();
            }
        }
        out.append(value, lastMatchEnd, value.length());
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, int codePoint) {
        if (codePoint < 0x80 && !Character.isLetterOrDigit(codePoint)) {
            out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
        } else {
            out.appendCodePoint(codePoint);
        }
    }

    /** Reverses a pattern but keeps each backslash in front of the character it quotes. */
    static String reversePattern(String pattern) {
        int[] tokens = pattern.codePoints().toArray();
        int[] out = new int[tokens.length];
        int last = tokens.length - 1;
        for (int i = 0; i <= last; ) {
            if (tokens[i] == '\\' && i != last) {
                out[last - i - 1] = '\\';
                out[last - i] = tokens[i + 1];
                i += 2;
            } else {
                out[last - i] = tokens[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    private static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    /** A pattern BuildKit would refuse; the caller adds which pattern and where. */
    static final class InvalidPattern extends Exception {
        InvalidPattern(String message) {
            super(message);
        }
    }
}
