package dev.berth.image;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as Go's {@code time.Time} marshals them to JSON: RFC 3339 with up to nine fraction digits,
 * trailing zeros dropped ({@code time.RFC3339Nano}). Berth always writes UTC ({@code Z}).
 */
final class GoTime {

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private GoTime() {
    }

    /** The instant {@code text} names, or empty when it is not RFC 3339 as Go reads it. */
    static Optional<Instant> parse(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant()).filter(GoTime::representable);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when Go can marshal the instant: its UTC year has four digits. */
    static boolean representable(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    static String format(Instant instant) {
        if (!representable(instant)) {
            throw new IllegalArgumentException("time " + instant + " has no four-digit year");
        }
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(35);
        text.append("%04d-%02d-%02dT%02d:%02d:%02d".formatted(utc.getYear(), utc.getMonthValue(),
                utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond()));
        int nanos = utc.getNano();
        if (nanos != 0) {
            String fraction = "%09d".formatted(nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.append('Z').toString();
    }
}
