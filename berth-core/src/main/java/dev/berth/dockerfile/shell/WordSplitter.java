package dev.berth.dockerfile.shell;

import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the words of a line while it is expanded, as BuildKit does: unquoted white space (Go's
 * {@code unicode.IsSpace}, which is not {@link Character#isWhitespace}), whether written in the line or
 * produced by an unquoted {@code $VAR}, ends a word; quoted text and escaped characters never do. A word
 * that would be empty (such as {@code ""}) is dropped.
 */
final class WordSplitter {

    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();

    /** Adds one character that splits words if it is whitespace. */
    void addSplitting(int codePoint) {
        if (GoStrings.isSpace(codePoint)) {
            flush();
        } else {
            word.appendCodePoint(codePoint);
        }
    }

    /** Adds text whose whitespace splits words: the value of an unquoted expansion. */
    void addSplitting(String text) {
        text.codePoints().forEach(this::addSplitting);
    }

    /** Adds one character that never splits: an escaped character. */
    void addLiteral(int codePoint) {
        word.appendCodePoint(codePoint);
    }

    /** Adds text that never splits: the content of a quoted string. */
    void addLiteral(String text) {
        word.append(text);
    }

    List<String> words() {
        flush();
        return List.copyOf(words);
    }

    private void flush() {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
