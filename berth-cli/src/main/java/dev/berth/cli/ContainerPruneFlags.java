package dev.berth.cli;

import dev.berth.api.ContainerPruneFilter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code container prune --filter}: {@code until=} (a Go duration before now, such as {@code 24h} or
 * {@code 1h30m}, an RFC 3339 time or Unix seconds) and {@code label=}/{@code label!=}, as Docker's daemon reads them.
 */
final class ContainerPruneFlags {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private ContainerPruneFlags() {
    }

    /** @throws IllegalArgumentException with Docker's message for a key it does not take or a bad time */
    static ContainerPruneFilter parse(List<String> filters, Instant now) {
        Optional<Instant> until = Optional.empty();
        List<String> labels = new ArrayList<>();
        List<String> notLabels = new ArrayList<>();
        for (String filter : filters) {
            int bang = filter.indexOf("!=");
            int equals = filter.indexOf('=');
            if (bang > 0 && bang < equals) {
                String key = filter.substring(0, bang);
                if (!key.equals("label")) {
                    throw new IllegalArgumentException("invalid filter '" + key + "'");
                }
                notLabels.add(filter.substring(bang + 2));
                continue;
            }
            if (equals < 0) {
                throw new IllegalArgumentException("bad format of filter (expected name=value)");
            }
            String key = filter.substring(0, equals);
            String value = filter.substring(equals + 1);
            switch (key) {
                case "until" -> until = Optional.of(time(value, now));
                case "label" -> labels.add(value);
                default -> throw new IllegalArgumentException("invalid filter '" + key + "'");
            }
        }
        return new ContainerPruneFilter(until, labels, notLabels);
    }

    /** Docker's {@code timetypes.GetTimestamp}: a duration back from now, an RFC 3339 time or Unix seconds. */
    static Instant time(String value, Instant now) {
        Optional<Duration> duration = goDuration(value);
        if (duration.isPresent()) {
            return now.minus(duration.get());
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            // Unix seconds, perhaps with a fraction.
        }
        try {
            double seconds = Double.parseDouble(value);
            return Instant.ofEpochSecond((long) seconds, Math.round((seconds - Math.floor(seconds)) * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    private static Optional<Duration> goDuration(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = GO_DURATION.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            long nanos = switch (matcher.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos(Math.round(amount * nanos));
            end = matcher.end();
        }
        return end == value.length() ? Optional.of(total) : Optional.empty();
    }
}
