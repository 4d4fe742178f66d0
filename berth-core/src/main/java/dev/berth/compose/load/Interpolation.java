package dev.berth.compose.load;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Compose Specification's interpolation of one string: {@code $$} is a dollar, {@code $V} and {@code ${V}}
 * the variable (empty, with a warning, when unset), {@code ${V:-d}}/{@code ${V-d}} a default when unset or empty /
 * unset, {@code ${V:?e}}/{@code ${V?e}} an error, {@code ${V:+r}}/{@code ${V+r}} a replacement when set and
 * non-empty / set. Defaults, errors and replacements are themselves interpolated, so they nest; only the branch
 * taken is expanded, as compose-go does.
 */
public final class Interpolation {

    /** The text cannot be interpolated: a lone {@code $}, an unclosed brace, or a required variable unset. */
    public static final class Failure extends Exception {
        private final boolean required;

        Failure(String message, boolean required) {
            super(message, null, false, false);
            this.required = required;
        }

        /** A {@code ?} modifier failed (rather than a malformed template). */
        public boolean required() {
            return required;
        }
    }

    private final Function<String, Optional<String>> lookup;
    private final List<String> unset;

    /**
     * @param lookup the variables
     * @param unset where the names of unset variables read without a default are added (for the warning)
     */
    public Interpolation(Function<String, Optional<String>> lookup, List<String> unset) {
        this.lookup = lookup;
        this.unset = unset;
    }

    public String expand(String text) throws Failure {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw invalid(text);
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = closingBrace(text, i + 2);
                if (close < 0) {
                    throw invalid(text);
                }
                out.append(braced(text.substring(i + 2, close), text));
                i = close + 1;
            } else if (nameStart(next)) {
                int end = nameEnd(text, i + 1);
                out.append(plain(text.substring(i + 1, end)));
                i = end;
            } else {
                throw invalid(text);
            }
        }
        return out.toString();
    }

    private String braced(String content, String whole) throws Failure {
        if (content.isEmpty() || !nameStart(content.charAt(0))) {
            throw invalid(whole);
        }
        int end = nameEnd(content, 0);
        String name = content.substring(0, end);
        String rest = content.substring(end);
        if (rest.isEmpty()) {
            return plain(name);
        }
        boolean colon = rest.charAt(0) == ':';
        if (colon && rest.length() < 2) {
            throw invalid(whole);
        }
        String operator = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String argument = rest.substring(colon ? 2 : 1);
        Optional<String> value = lookup.apply(name);
        boolean missing = colon ? value.map(String::isEmpty).orElse(true) : value.isEmpty();
        return switch (operator) {
            case "-" -> missing ? expand(argument) : value.orElseThrow();
            case "?" -> {
                if (missing) {
                    throw new Failure("required variable " + name + " is missing a value: " + expand(argument), true);
                }
                yield value.orElseThrow();
            }
            case "+" -> missing ? "" : expand(argument);
            default -> throw invalid(whole);
        };
    }

    private String plain(String name) {
        Optional<String> value = lookup.apply(name);
        if (value.isEmpty()) {
            unset.add(name);
        }
        return value.orElse("");
    }

    /** The index of the {@code }} closing a {@code ${} whose content starts at {@code from}; nested ones count. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (nameStart(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        return i;
    }

    private static Failure invalid(String text) {
        return new Failure("invalid interpolation format for \"" + text
                + "\": you may need to escape any $ with another $", false);
    }
}
