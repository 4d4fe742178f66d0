package dev.berth.compose.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command} or {@code entrypoint} string into words as compose-go does (go-shellwords): blanks
 * separate, single quotes keep everything, double quotes keep blanks and honour backslashes, a backslash outside
 * quotes escapes the next character. No variables are expanded: interpolation has already happened.
 */
final class ComposeShellWords {

    private ComposeShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("invalid command line string");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
