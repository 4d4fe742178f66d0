package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of BuildKit's shell lexer ({@code shell.Lex.ProcessWords}, escape {@code \}, no variables
 * set, unset ones kept) that here-document detection uses: split a line into words, honouring quotes
 * and escapes, optionally keeping the quote and escape characters in the words, and keeping a
 * {@code <<} operator together with the blanks that follow it.
 *
 * <p>Variables are kept as written ({@code $A}, {@code ${A}}); BuildKit would apply a {@code ${A:-x}}
 * default even here, which matters only for a here-document delimiter spelled that way.
 */
final class ShellWords {

    private static final char ESCAPE = '\\';

    private final String text;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int pos;

    private ShellWords(String text, boolean rawQuotes, boolean rawEscapes) {
        this.text = text;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
    }

    /** The words of {@code text}, or empty when a quote or {@code ${} is not closed. */
    static Optional<List<String>> split(String text, boolean rawQuotes, boolean rawEscapes) {
        return new ShellWords(text, rawQuotes, rawEscapes).run();
    }

    private Optional<List<String>> run() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\'' || ch == '"' || ch == '$' || ch == '<') {
                String part = switch (ch) {
                    case '\'' -> singleQuoted();
                    case '"' -> doubleQuoted();
                    case '<' -> possibleHeredoc();
                    default -> dollar();
                };
                if (part == null) {
                    return Optional.empty();
                }
                if (ch == '$') {
                    part.chars().forEach(this::addChar);
                } else {
                    word.append(part);
                    inWord = true;
                }
                continue;
            }
            pos++;
            if (ch == ESCAPE) {
                if (rawEscapes) {
                    addRaw(ch);
                }
                if (pos >= text.length()) {
                    break;
                }
                addRaw(text.charAt(pos++));
            } else {
                addChar(ch);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    private void addChar(int ch) {
        boolean space = GoStrings.isSpace(ch);
        if (space && inWord) {
            if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
        } else if (!space) {
            addRaw((char) ch);
        }
    }

    private void addRaw(char ch) {
        word.append(ch);
        inWord = true;
    }

    private String singleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        if (rawQuotes) {
            out.append('\'');
        }
        int close = text.indexOf('\'', pos);
        if (close < 0) {
            return null;
        }
        out.append(text, pos, close);
        pos = close + 1;
        return rawQuotes ? out.append('\'').toString() : out.toString();
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        if (rawQuotes) {
            out.append('"');
        }
        while (true) {
            if (pos >= text.length()) {
                return null;
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return rawQuotes ? out.append('"').toString() : out.toString();
            }
            if (ch == '$') {
                String part = dollar();
                if (part == null) {
                    return null;
                }
                out.append(part);
                continue;
            }
            pos++;
            if (ch == ESCAPE) {
                if (rawEscapes) {
                    out.append(ch);
                }
                if (pos >= text.length()) {
                    continue;
                }
                char next = text.charAt(pos);
                if (next == '"' || next == '$' || next == ESCAPE) {
                    ch = next;
                    pos++;
                }
            }
            out.append(ch);
        }
    }

    /**
     * BuildKit's lexer keeps {@code <<}, an optional {@code -} and the blanks after them in the word, so
     * that {@code <<  EOF} and {@code <<- EOF} are one word, as the shell reads them.
     */
    private String possibleHeredoc() {
        int start = pos++;
        if (pos >= text.length() || text.charAt(pos) != '<') {
            return "<";
        }
        pos++;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A {@code $} reference, kept as written since no variable is set. */
    private String dollar() {
        int start = pos++;
        if (pos < text.length() && text.charAt(pos) == '{') {
            int depth = 0;
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}' && --depth == 0) {
                    return text.substring(start, pos);
                }
            }
            return null;
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }
}
