package dev.berth.cli.progress;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One screenful of the live view: lines already clipped to the width, each with the style the terminal
 * writer colours it with. {@link #text()} is the frame without escapes, as golden files hold it.
 */
record Frame(List<Line> lines) {

    /** How a line is coloured; the text itself never holds escapes. */
    enum Style { PLAIN, DONE, ERROR, CANCELED, OUTPUT }

    record Line(String text, Style style) {
        Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }
    }

    Frame {
        lines = List.copyOf(lines);
    }

    String text() {
        return lines.stream().map(line -> line.text() + "\n").collect(Collectors.joining());
    }
}
