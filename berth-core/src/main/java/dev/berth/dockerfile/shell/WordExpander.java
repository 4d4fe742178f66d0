package dev.berth.dockerfile.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in for the variable expander (replaced at merge): quotes, escapes, {@code $VAR}, {@code ${VAR}}
 * and {@code ${VAR:-word}} only.
 */
public final class WordExpander {

    private final char escapeToken;

    public WordExpander(char escapeToken) {
        this.escapeToken = escapeToken;
    }

    public Expansion expand(String word, Map<String, String> env) {
        WordsExpansion words = run(word, env, false);
        return new Expansion(String.join("", words.words()), words.matched(), words.unmatched());
    }

    public WordsExpansion expandWords(String line, Map<String, String> env) {
        return run(line, env, true);
    }

    private WordsExpansion run(String text, Map<String, String> env, boolean split) {
        Set<String> matched = new HashSet<>();
        Set<String> unmatched = new HashSet<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (split && quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == escapeToken && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (c == '$' && quote != '\'') {
                i = variable(text, i, env, word, matched, unmatched);
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new ExpansionException("unexpected end of statement while looking for matching " + quote, text.length());
        }
        if (inWord || !split) {
            words.add(word.toString());
        }
        return new WordsExpansion(words, matched, unmatched);
    }

    /** Appends the value of the variable starting at {@code dollar}; returns the index of its last char. */
    private static int variable(String text, int dollar, Map<String, String> env, StringBuilder out,
            Set<String> matched, Set<String> unmatched) {
        int i = dollar + 1;
        if (i < text.length() && text.charAt(i) == '{') {
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new ExpansionException("missing '}'", dollar);
            }
            String body = text.substring(i + 1, close);
            int fallback = body.indexOf(":-");
            String name = fallback < 0 ? body : body.substring(0, fallback);
            String value = env.get(name);
            if (value != null) {
                matched.add(name);
            } else if (fallback < 0) {
                unmatched.add(name);
            }
            out.append(fallback >= 0 && (value == null || value.isEmpty()) ? body.substring(fallback + 2)
                    : value == null ? "" : value);
            return close;
        }
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end == i) {
            out.append('$');
            return dollar;
        }
        String name = text.substring(i, end);
        String value = env.get(name);
        (value == null ? unmatched : matched).add(name);
        out.append(value == null ? "" : value);
        return end - 1;
    }
}
