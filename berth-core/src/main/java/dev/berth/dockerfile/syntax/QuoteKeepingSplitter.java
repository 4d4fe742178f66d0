package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code parseWords}: splits on white space, keeps quotes and escapes in the words (they are
 * removed later, when words are expanded), and treats a quoted span as part of the word around it.
 */
final class QuoteKeepingSplitter {

    private QuoteKeepingSplitter() {
    }

    static List<String> split(String rest, char escapeToken) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean inQuote = false;
        boolean blankOk = false;
        int quote = 0;
        int length = rest.length();
        int pos = 0;
        while (true) {
            if (pos >= length) {
                if ((inWord || inQuote) && (blankOk || !word.isEmpty())) {
                    words.add(word.toString());
                }
                return words;
            }
            int ch = rest.codePointAt(pos);
            int width = Character.charCount(ch);
            if (!inWord && !inQuote) {
                if (GoStrings.isSpace(ch)) {
                    pos += width;
                    continue;
                }
                inWord = true;
            }
            if (inWord) {
                if (GoStrings.isSpace(ch)) {
                    inWord = false;
                    if (blankOk || !word.isEmpty()) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    blankOk = false;
                    pos += width;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                }
                if (ch == escapeToken) {
                    if (pos + width == length) {
                        pos += width;
                        continue;
                    }
                    word.appendCodePoint(ch);
                    pos += width;
                    ch = rest.codePointAt(pos);
                    width = Character.charCount(ch);
                }
                word.appendCodePoint(ch);
                pos += width;
                continue;
            }
            if (ch == quote) {
                inQuote = false;
                inWord = true;
            }
            if (ch == escapeToken && quote != '\'') {
                if (pos + width == length) {
                    inQuote = false;
                    inWord = true;
                    pos += width;
                    continue;
                }
                pos += width;
                word.appendCodePoint(ch);
                ch = rest.codePointAt(pos);
                width = Character.charCount(ch);
            }
            word.appendCodePoint(ch);
            pos += width;
        }
    }
}
