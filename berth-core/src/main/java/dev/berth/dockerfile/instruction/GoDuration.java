package dev.berth.dockerfile.instruction;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which HEALTHCHECK flags use: a sign, then one or more decimal numbers
 * each with a unit ({@code 1h30m}, {@code 1.5s}, {@code 300ms}); a bare {@code 0} is allowed.
 */
final class GoDuration {

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {}

    /** Parses {@code text}; throws {@link IllegalArgumentException} with Go's message. */
    static Duration parse(String text) {
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
}
