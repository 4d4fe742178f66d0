package dev.berth.compose.load;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's unit-bearing values: durations ({@code 1m30s}, printed as Go's {@code time.Duration} prints them)
 * and byte sizes ({@code 1g}, Docker's binary {@code RAMInBytes}).
 */
final class GoValues {

    private static final Pattern DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?",
            Pattern.CASE_INSENSITIVE);

    private GoValues() {
    }

    /** Nanoseconds of a Compose duration, or -1 when it is not one. */
    static long durationNanos(String text) {
        if (text.equals("0")) {
            return 0;
        }
        Matcher matcher = DURATION_PART.matcher(text);
        int at = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return -1;
            }
            long unit = switch (matcher.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            total = total.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit)));
            at = matcher.end();
        }
        return at == 0 ? -1 : total.longValue();
    }

    /** Go's {@code time.Duration.String()}. */
    static String goDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long value = Math.abs(nanos);
        if (value < 1_000_000_000L) {
            String unit;
            long scale;
            if (value < 1_000L) {
                return (nanos < 0 ? "-" : "") + value + "ns";
            } else if (value < 1_000_000L) {
                unit = "µs";
                scale = 1_000L;
            } else {
                unit = "ms";
                scale = 1_000_000L;
            }
            return (nanos < 0 ? "-" : "") + fraction(value, scale) + unit;
        }
        long hours = value / 3_600_000_000_000L;
        long minutes = value / 60_000_000_000L % 60;
        long rest = value % 60_000_000_000L;
        if (nanos < 0) {
            out.append('-');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(fraction(rest, 1_000_000_000L)).append('s');
        return out.toString();
    }

    private static String fraction(long value, long scale) {
        BigDecimal decimal = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale)).stripTrailingZeros();
        return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
    }

    /** Bytes of a size such as {@code 512m} or {@code 1gb}, or -1 when it is not one. */
    static long bytes(String text) {
        Matcher matcher = BYTES.matcher(text.strip());
        if (!matcher.matches()) {
            return -1;
        }
        double number = Double.parseDouble(matcher.group(1));
        long multiplier = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1L;
        };
        return (long) (number * multiplier);
    }
}
