package dev.berth.dockerfile.ignore;

/**
 * The syntax check Docker runs on every pattern ({@code filepath.Match(pattern, ".")} on Unix):
 * a trailing {@code \} and malformed character classes are errors. Inside a class a range needs
 * both ends, {@code -} and {@code ]} must be escaped when they start an element, and the class
 * needs at least one element before its closing {@code ]}. A reversed range ({@code [z-a]}) is
 * also refused: Go's Match accepts it, but Docker's regular expression compiler then fails on
 * every path, so refusing it up front gives the same verdict with a better message.
 */
final class GlobSyntax {

    private GlobSyntax() {
    }

    static void check(String pattern) throws MalformedPatternException {
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    throw new MalformedPatternException("pattern ends with an escaping backslash", i);
                }
                i += 1 + Character.charCount(pattern.codePointAt(i + 1));
            } else if (c == '[') {
                i = checkClass(pattern, i);
            } else {
                i++;
            }
        }
    }

    /** Checks the class opened at {@code open}; returns the index after its closing bracket. */
    private static int checkClass(String pattern, int open) throws MalformedPatternException {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < pattern.length() && pattern.charAt(i) == ']' && ranges > 0) {
                return i + 1;
            }
            int[] lo = classChar(pattern, i, open);
            i = lo[1];
            if (pattern.charAt(i) == '-') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    throw new MalformedPatternException(
                            "'-' must be escaped at the end of a character class", open);
                }
                int[] hi = classChar(pattern, i + 1, open);
                if (hi[0] < lo[0]) {
                    throw new MalformedPatternException("character range %s-%s is reversed"
                            .formatted(Character.toString(lo[0]), Character.toString(hi[0])), open);
                }
                i = hi[1];
            }
            ranges++;
        }
    }

    /** Go's {@code getEsc}: one class character, escaped or not; {code, next index}. */
    private static int[] classChar(String pattern, int at, int open) throws MalformedPatternException {
        int i = at;
        if (i >= pattern.length()) {
            throw new MalformedPatternException("character class is not closed with ]", open);
        }
        char c = pattern.charAt(i);
        if (c == '-' || c == ']') {
            throw new MalformedPatternException(
                    "'" + c + "' must be escaped at this place in a character class", open);
        }
        if (c == '\\') {
            i++;
            if (i >= pattern.length()) {
                throw new MalformedPatternException("character class is not closed with ]", open);
            }
        }
        int codePoint = pattern.codePointAt(i);
        i += Character.charCount(codePoint);
        if (i >= pattern.length()) {
            throw new MalformedPatternException("character class is not closed with ]", open);
        }
        return new int[] {codePoint, i};
    }
}
