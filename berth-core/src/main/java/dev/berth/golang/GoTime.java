package dev.berth.golang;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go's {@code time} text: the {@code time.Time} timestamps of image configs and the {@code time.Duration}s
 * that HEALTHCHECK flags are read as and BuildKit's history prints.
 */
public final class GoTime {

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoTime() {}

    /**
     * Go's {@code time.Time.UnmarshalJSON}: the instant RFC 3339 {@code text} names; empty when it is not
     * RFC 3339 as Go reads it, or names a time Go could not marshal again.
     */
    public static Optional<Instant> parseTime(String text) {
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
    public static boolean representable(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    /**
     * Go's {@code time.Time.MarshalJSON} of a UTC time: {@code time.RFC3339Nano}, up to nine fraction digits
     * with trailing zeros dropped, and {@code Z}. Throws {@link IllegalArgumentException} where Go's
     * marshalling fails, for a year outside 0..9999.
     */
    public static String formatTime(Instant instant) {
        if (!representable(instant)) {
            throw new IllegalArgumentException("time " + instant + " has no four-digit year");
        }
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(35);
        text.append("%04d-%02d-%02dT%02d:%02d:%02d".formatted(utc.getYear(), utc.getMonthValue(),
                utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond()));
        appendFraction(text, utc.getNano(), 9);
        return text.append('Z').toString();
    }

    /**
     * Go's {@code time.ParseDuration}: a sign, then one or more decimal numbers each with a unit
     * ({@code 1h30m}, {@code 1.5s}, {@code 300ms}); a bare {@code 0} is allowed. Throws
     * {@link IllegalArgumentException} with Go's message.
     */
    public static Duration parseDuration(String text) {
        String quoted = "\"" + text + "\"";
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == text.length()) {
            throw new IllegalArgumentException("time: invalid duration " + quoted);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            String number = text.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw new IllegalArgumentException("time: invalid duration " + quoted);
            }
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            String unit = text.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration " + quoted);
            }
            Long scale = NANOS_PER_UNIT.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration " + quoted);
            }
            nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("time: invalid duration " + quoted);
        }
        long whole = nanos.longValue();
        return Duration.ofNanos(negative ? -whole : whole);
    }

    /**
     * Go's {@code time.Duration.String}: {@code 0s}; below a second one unit of {@code ns}, {@code µs} or
     * {@code ms} with a fraction ({@code 1.5ms}); from a second on {@code 1h2m3.5s}, hours and minutes
     * shown once a larger unit is ({@code 1h0m0s}).
     */
    public static String durationString(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // Unsigned from here, so that Long.MIN_VALUE's magnitude is representable as Go's uint64 is.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder out = new StringBuilder(nanos < 0 ? "-" : "");
        if (Long.compareUnsigned(magnitude, NANOS_PER_SECOND) < 0) {
            int fractionDigits = magnitude < 1_000 ? 0 : magnitude < 1_000_000 ? 3 : 6;
            long scale = fractionDigits == 0 ? 1 : fractionDigits == 3 ? 1_000 : 1_000_000;
            out.append(magnitude / scale);
            appendFraction(out, magnitude % scale, fractionDigits);
            return out.append(fractionDigits == 0 ? "ns" : fractionDigits == 3 ? "µs" : "ms").toString();
        }
        long seconds = Long.divideUnsigned(magnitude, NANOS_PER_SECOND);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(seconds % 60);
        appendFraction(out, Long.remainderUnsigned(magnitude, NANOS_PER_SECOND), 9);
        return out.append('s').toString();
    }

    /** Go's {@code fmtFrac}: {@code .} and the digits without trailing zeros, nothing for a zero fraction. */
    private static void appendFraction(StringBuilder out, long fraction, int digits) {
        if (fraction == 0) {
            return;
        }
        String padded = String.format("%0" + digits + "d", fraction);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(padded, 0, end);
    }
}
