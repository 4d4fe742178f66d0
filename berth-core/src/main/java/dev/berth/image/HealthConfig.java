package dev.berth.image;

import java.util.List;

/**
 * A {@code HEALTHCHECK} as Docker stores it. Durations are nanoseconds, as Go's {@code time.Duration}
 * marshals; zero means "inherit the default" and is omitted from JSON, as is an empty test.
 *
 * @param test {@code ["NONE"]}, {@code ["CMD", args...]} or {@code ["CMD-SHELL", command]}; empty inherits
 */
public record HealthConfig(
        List<String> test, long interval, long timeout, long startPeriod, long startInterval, int retries) {

    public HealthConfig {
        test = List.copyOf(test);
        requireNotNegative("Interval", interval);
        requireNotNegative("Timeout", timeout);
        requireNotNegative("StartPeriod", startPeriod);
        requireNotNegative("StartInterval", startInterval);
        requireNotNegative("Retries", retries);
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("healthcheck " + field + " must not be negative: " + value);
        }
    }
}
