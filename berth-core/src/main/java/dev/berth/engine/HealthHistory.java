package dev.berth.engine;

import dev.berth.golang.GoStrconv;
import dev.berth.golang.GoTime;
import dev.berth.image.HealthConfig;

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
                + duration(health.startInterval()) + " " + GoStrconv.quoteRune(health.retries()) + "}";
    }

    /** Go's {@code %q} of a {@code time.Duration}: its {@code String()}, quoted. */
    static String duration(long nanos) {
        return GoStrconv.quote(GoTime.durationString(nanos));
    }
}
