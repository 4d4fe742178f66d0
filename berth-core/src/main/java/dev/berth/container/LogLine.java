package dev.berth.container;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of conmon's k8s-file log, {@code 2026-01-02T15:04:05.999999999+00:00 stdout F text}: when conmon read
 * it, which stream, and whether the text ends a line ({@code F}, full) or is a piece of a longer one ({@code P},
 * partial: a line longer than conmon's buffer, or output that did not end with a newline yet). The text is held as
 * ISO-8859-1, one char per byte, so that what the container wrote comes back byte for byte whatever its encoding.
 *
 * @param time    conmon's timestamp
 * @param stream  the container's stream
 * @param partial {@code P}: more of the same line follows
 * @param text    the bytes, without the newline a full line ended with, one char each
 */
public record LogLine(Instant time, LogStream stream, boolean partial, String text) {

    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }

    /** One line of the file (without its newline), or empty when it is not in the k8s-file format. */
    public static Optional<LogLine> parse(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        int third = line.indexOf(' ', second + 1);
        String tag = third < 0 ? line.substring(second + 1) : line.substring(second + 1, third);
        Optional<LogStream> stream = LogStream.of(line.substring(first + 1, second));
        if (stream.isEmpty() || !(tag.equals("F") || tag.equals("P"))) {
            return Optional.empty();
        }
        try {
            Instant time = OffsetDateTime.parse(line.substring(0, first), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            String text = third < 0 ? "" : line.substring(third + 1);
            return Optional.of(new LogLine(time, stream.get(), tag.equals("P"), text));
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }

    /** The line as the container wrote it: its bytes, and the newline a full line ended with. */
    public byte[] bytes() {
        return (partial ? text : text + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
