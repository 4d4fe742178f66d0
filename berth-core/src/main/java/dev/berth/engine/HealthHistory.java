package dev.berth.engine;

import dev.berth.image.HealthConfig;
import java.time.Duration;

/**
 * BuildKit's history text of HEALTHCHECK: Go's {@code %q} of the {@code *HealthConfig}, e.g.
 * {@code &{["CMD-SHELL" "curl -f http://localhost/"] "30s" "0s" "0s" "0s" '\x03'}}.
 */
final class HealthHistory {

    private HealthHistory() {
    }

    static String format(HealthConfig health) {
        return "&{" + ConfigApplier.goQuoted(health.test()) + " " + duration(health.interval()) + " "
                + duration(health.timeout()) + " " + duration(health.startPeriod()) + " "
                + duration(health.startInterval()) + " " + GoQuote.quoteRune(health.retries()) + "}";
    }

    /** Go's {@code time.Duration.String()}, quoted, for whole and sub-second durations. */
    static String duration(long nanos) {
        return "\"" + goDuration(nanos) + "\"";
    }

    static String goDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            if (nanos % 1_000_000 == 0) {
                return nanos / 1_000_000 + "ms";
            }
            if (nanos % 1_000 == 0) {
                return nanos / 1_000 + "µs";
            }
            return nanos + "ns";
        }
        Duration duration = Duration.ofNanos(nanos);
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        long fraction = duration.toNanosPart();
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(seconds);
        if (fraction > 0) {
            String digits = String.format("%09d", fraction).replaceAll("0+$", "");
            out.append('.').append(digits);
        }
        return out.append('s').toString();
    }
}
