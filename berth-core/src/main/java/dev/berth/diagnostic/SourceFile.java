package dev.berth.diagnostic;

import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of user input with the name users know it by ({@code Dockerfile}, {@code -} for standard
 * input, {@code .dockerignore}). Lines are 1-based and end at {@code \n}, carriage returns before it
 * dropped: the Dockerfile and {@code .dockerignore} readers count lines that way, as Go's
 * {@code bufio.Scanner} does for Docker, so a line number from them names the same line here.
 *
 * <p>Line starts are found once, on construction; {@link #line(int)} is then a lookup. Equal when name
 * and text are equal.
 */
public final class SourceFile {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = lineStarts(text);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Number of lines; an empty text has none, a text without a final newline counts its last line. */
    public int lineCount() {
        return lineStarts.length - (text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? 1 : 0);
    }

    /** The text of line {@code number} (1-based) without its line terminator; empty when out of range. */
    public String line(int number) {
        if (number < 1 || number > lineStarts.length) {
            return "";
        }
        int start = lineStarts[number - 1];
        int end = number < lineStarts.length ? lineStarts[number] - 1 : text.length();
        while (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && name.equals(that.name) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text);
    }

    @Override
    public String toString() {
        return "SourceFile[name=" + name + ", " + text.length() + " chars]";
    }
}
