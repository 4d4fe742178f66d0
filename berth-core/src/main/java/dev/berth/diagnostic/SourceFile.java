package dev.berth.diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of user input with the name users know it by ({@code Dockerfile}, {@code -} for standard
 * input, {@code .dockerignore}). Lines are 1-based and split on {@code \n}, {@code \r\n} or {@code \r}.
 */
public record SourceFile(String name, String text) {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** Number of lines; an empty text has none, a text without a final newline counts its last line. */
    public int lineCount() {
        return lineStarts().size() - (text.isEmpty() || endsWithNewline() ? 1 : 0);
    }

    /** The text of line {@code number} (1-based) without its line terminator; empty when out of range. */
    public String line(int number) {
        List<Integer> starts = lineStarts();
        if (number < 1 || number > starts.size()) {
            return "";
        }
        int start = starts.get(number - 1);
        int end = number < starts.size() ? starts.get(number) : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    private boolean endsWithNewline() {
        char last = text.charAt(text.length() - 1);
        return last == '\n' || last == '\r';
    }

    private List<Integer> lineStarts() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return starts;
    }
}
