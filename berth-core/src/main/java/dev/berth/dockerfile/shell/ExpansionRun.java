package dev.berth.dockerfile.shell;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One expansion of one word: the scanner, the environment and the names looked up so far. Follows
 * BuildKit's {@code shellWord} step by step, because its quirks (which error wins, when escapes are
 * kept, when words split) are the behaviour Dockerfiles rely on.
 */
final class ExpansionRun {

    private static final String MISSING_BRACE = "syntax error: missing '}'";

    /**
     * Go's stacks grow, Java's do not: a limit far beyond any real Dockerfile keeps absurd nesting
     * an {@link ExpansionException} rather than a {@link StackOverflowError}.
     */
    static final int MAX_NESTING = 100;

    private final WordScanner scanner;
    private final Map<String, String> env;
    private final int escapeToken;
    private final boolean quotesAreText;
    private final Set<String> matched = new HashSet<>();
    private final Set<String> unmatched = new HashSet<>();
    private int nesting;

    /** @param quotesAreText BuildKit's {@code SkipProcessQuotes}: quotes are kept as plain characters */
    ExpansionRun(String word, Map<String, String> env, int escapeToken, boolean quotesAreText) {
        this.scanner = new WordScanner(word);
        this.env = env;
        this.escapeToken = escapeToken;
        this.quotesAreText = quotesAreText;
    }

    Set<String> matched() {
        return matched;
    }

    Set<String> unmatched() {
        return unmatched;
    }

    /**
     * Expands up to {@code stop} (consumed) or the end of the word if {@code stop} is EOF.
     * With {@code rawEscapes} the escape character is kept in front of what it escapes, which
     * BuildKit does for patterns so that {@code \*} stays a literal star.
     */
    String expandUntil(int stop, boolean rawEscapes, WordSplitter words) {
        StringBuilder result = new StringBuilder();
        while (scanner.peek() != WordScanner.EOF) {
            int ch = scanner.peek();
            if (stop != WordScanner.EOF && ch == stop) {
                scanner.next();
                return result.toString();
            }
            // Quotes as plain text take the default branch (no case is 0).
            switch (quotesAreText && (ch == '\'' || ch == '"') ? 0 : ch) {
                case '$' -> {
                    String value = dollar();
                    result.append(value);
                    words.addSplitting(value);
                }
                case '\'' -> {
                    String value = singleQuoted();
                    result.append(value);
                    words.addLiteral(value);
                }
                case '"' -> {
                    String value = doubleQuoted(rawEscapes);
                    result.append(value);
                    words.addLiteral(value);
                }
                default -> {
                    scanner.next();
                    if (ch == escapeToken) {
                        if (rawEscapes) {
                            words.addLiteral(ch);
                            result.appendCodePoint(ch);
                        }
                        ch = scanner.next();
                        if (ch == WordScanner.EOF) {
                            break;
                        }
                        words.addLiteral(ch);
                    } else {
                        words.addSplitting(ch);
                    }
                    result.appendCodePoint(ch);
                }
            }
        }
        if (stop != WordScanner.EOF) {
            // Callers replace this with their own message: the scanner is at the end of the word.
            throw new ExpansionException("unexpected end of statement while looking for matching "
                    + WordScanner.display(stop), scanner.position());
        }
        return result.toString();
    }

    /** Everything up to the next single quote, literally; a single quote cannot be escaped. */
    private String singleQuoted() {
        int start = scanner.position();
        scanner.next();
        StringBuilder result = new StringBuilder();
        while (true) {
            int ch = scanner.next();
            if (ch == WordScanner.EOF) {
                throw new ExpansionException(
                        "unexpected end of statement while looking for matching single-quote", start);
            }
            if (ch == '\'') {
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    /**
     * Up to the next unescaped double quote, expanding {@code $}. The escape character escapes only
     * {@code "}, {@code $} and itself (not a newline, whatever sh(1) says); before anything else it
     * stays, and at the end of the word it is dropped.
     */
    private String doubleQuoted(boolean rawEscapes) {
        int start = scanner.position();
        scanner.next();
        StringBuilder result = new StringBuilder();
        while (true) {
            switch (scanner.peek()) {
                case WordScanner.EOF -> throw new ExpansionException(
                        "unexpected end of statement while looking for matching double-quote", start);
                case '"' -> {
                    scanner.next();
                    return result.toString();
                }
                case '$' -> result.append(dollar());
                default -> {
                    int ch = scanner.next();
                    if (ch == escapeToken) {
                        if (rawEscapes) {
                            result.appendCodePoint(ch);
                        }
                        int next = scanner.peek();
                        if (next == WordScanner.EOF) {
                            continue;
                        }
                        if (next == '"' || next == '$' || next == escapeToken) {
                            ch = scanner.next();
                        }
                    }
                    result.appendCodePoint(ch);
                }
            }
        }
    }

    /** {@code $name}, {@code ${name}} or {@code ${name<modifier>word}}; the scanner is at the dollar. */
    private String dollar() {
        int start = scanner.position();
        if (nesting == MAX_NESTING) {
            throw new ExpansionException("syntax error: substitutions nested more than " + MAX_NESTING + " deep", start);
        }
        nesting++;
        try {
            return substitution(start);
        } finally {
            nesting--;
        }
    }

    private String substitution(int start) {
        scanner.next();
        if (scanner.peek() != '{') {
            String name = scanner.readName();
            return name.isEmpty() ? "$" : lookUp(name).value();
        }
        scanner.next();
        switch (scanner.peek()) {
            case WordScanner.EOF -> throw new ExpansionException(MISSING_BRACE, start);
            case '{', '}', ':' -> throw new ExpansionException("syntax error: bad substitution", start);
            default -> { }
        }
        String name = scanner.readName();
        int modifier = scanner.next();
        return switch (modifier) {
            case '}' -> lookUp(name).value();
            case ':' -> {
                int operator = scanner.next();
                String spelling = ":" + WordScanner.display(operator);
                // ${A:#p} and ${A:%p} mean nothing in sh; BuildKit refuses them before reading p (moby/buildkit#5146).
                if (operator == '#' || operator == '%') {
                    throw unsupported(spelling, start);
                }
                yield operate(start, name, operator, spelling, true);
            }
            case '+', '-', '?', '#', '%' -> operate(start, name, modifier, WordScanner.display(modifier), false);
            case '/' -> replace(start, name);
            default -> throw unsupported(WordScanner.display(modifier), start);
        };
    }

    /** {@code ${name[:]op word}}; {@code nullIsUnset} when the colon form treats empty as unset. */
    private String operate(int start, String name, int operator, String spelling, boolean nullIsUnset) {
        String word = wordUntil('}', operator == '#' || operator == '%', start, MISSING_BRACE);
        Lookup variable = lookUp(name);
        boolean absent = !variable.set() || (nullIsUnset && variable.value().isEmpty());
        return switch (operator) {
            case '-' -> absent ? word : variable.value();
            case '+' -> absent ? "" : word;
            case '?' -> {
                if (!variable.set()) {
                    throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word), start);
                }
                if (absent) {
                    throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word), start);
                }
                yield variable.value();
            }
            case '#', '%' -> trim(start, variable.value(), operator, word);
            default -> throw unsupported(spelling, start);
        };
    }

    private String trim(int start, String value, int operator, String word) {
        // A doubled operator (## or %%) asks for the longest match; BuildKit checks the expanded word.
        boolean greedy = !word.isEmpty() && word.charAt(0) == operator;
        String pattern = greedy ? word.substring(1) : word;
        try {
            return operator == '%'
                    ? ShellPattern.trimSuffix(pattern, value, greedy)
                    : ShellPattern.trimPrefix(pattern, value, greedy);
        } catch (ShellPattern.InvalidPattern invalid) {
            String shown = operator == '%' ? ShellPattern.reversePattern(pattern) : pattern;
            throw invalidPattern(shown, invalid, start);
        }
    }

    /** {@code ${name/pattern/replacement}} and {@code ${name//pattern/replacement}}. */
    private String replace(int start, String name) {
        boolean all = scanner.peek() == '/';
        if (all) {
            scanner.next();
        }
        String pattern = wordUntil('/', true, start, "syntax error: missing '/' in ${}");
        String replacement = wordUntil('}', true, start, MISSING_BRACE);
        String value = lookUp(name).value();
        ShellPattern compiled;
        try {
            compiled = ShellPattern.compile(pattern, true, false);
        } catch (ShellPattern.InvalidPattern invalid) {
            throw invalidPattern(pattern, invalid, start);
        }
        return all ? compiled.replaceAll(value, replacement) : compiled.replaceFirst(value, replacement);
    }

    /** The word of a modifier; any failure that leaves the scanner at the end becomes {@code atEnd}. */
    private String wordUntil(int stop, boolean rawEscapes, int start, String atEnd) {
        try {
            return expandUntil(stop, rawEscapes, new WordSplitter());
        } catch (ExpansionException failure) {
            if (scanner.peek() == WordScanner.EOF) {
                throw new ExpansionException(atEnd, start);
            }
            throw failure;
        }
    }

    private Lookup lookUp(String name) {
        String value = env.get(name);
        if (value == null) {
            unmatched.add(name);
            return new Lookup(false, "");
        }
        matched.add(name);
        return new Lookup(true, value);
    }

    private static ExpansionException unsupported(String spelling, int start) {
        if (spelling.equals("\uFFFD")) {
            // BuildKit prints the end of input as U+FFFD here; say what is wrong instead.
            return new ExpansionException(MISSING_BRACE, start);
        }
        return new ExpansionException("unsupported modifier (" + spelling + ") in substitution", start);
    }

    private static ExpansionException invalidPattern(String pattern, ShellPattern.InvalidPattern cause, int start) {
        return new ExpansionException(
                "invalid pattern (" + pattern + ") in substitution: " + cause.getMessage(), start);
    }

    private record Lookup(boolean set, String value) {}
}
