package dev.berth.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code berth run}'s healthcheck flags, laid over the image's {@code HEALTHCHECK} as Docker lays them: what is given
 * replaces the image's value, what is not keeps it (and Docker's defaults apply at run time: interval 30 s, timeout
 * 30 s, start interval 5 s, 3 retries, no start period).
 *
 * @param test          {@code --health-cmd CMD} is {@code ["CMD-SHELL", CMD]}; {@code ["CMD", ARG...]} and
 *                      {@code ["NONE"]} as in a HEALTHCHECK
 * @param interval      {@code --health-interval}
 * @param timeout       {@code --health-timeout}
 * @param retries       {@code --health-retries}: consecutive failures that make the container unhealthy
 * @param startPeriod   {@code --health-start-period}: failures in it do not count while the container starts
 * @param startInterval {@code --health-start-interval}: the interval during the start period
 * @param disabled      {@code --no-healthcheck}: no check, whatever the image says
 */
public record HealthOverride(Optional<List<String>> test, Optional<Duration> interval, Optional<Duration> timeout,
        OptionalInt retries, Optional<Duration> startPeriod, Optional<Duration> startInterval, boolean disabled) {

    public HealthOverride {
        test = Objects.requireNonNull(test, "test").map(List::copyOf);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(startPeriod, "startPeriod");
        Objects.requireNonNull(startInterval, "startInterval");
        requireNotNegative("--health-interval", interval);
        requireNotNegative("--health-timeout", timeout);
        requireNotNegative("--health-start-period", startPeriod);
        requireNotNegative("--health-start-interval", startInterval);
        requireMillisecond("Interval", interval);
        requireMillisecond("Timeout", timeout);
        requireMillisecond("StartPeriod", startPeriod);
        requireMillisecond("StartInterval", startInterval);
        if (retries.isPresent() && retries.getAsInt() < 0) {
            throw new IllegalArgumentException("--health-retries cannot be negative");
        }
        boolean settings = test.isPresent() || interval.isPresent() || timeout.isPresent() || retries.isPresent()
                || startPeriod.isPresent() || startInterval.isPresent();
        if (disabled && settings) {
            throw new IllegalArgumentException("--no-healthcheck conflicts with --health-* options");
        }
    }

    /** Nothing asked for: the image's HEALTHCHECK as it is. */
    public static HealthOverride none() {
        return new HealthOverride(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    /** {@code --no-healthcheck}. */
    public static HealthOverride disabledCheck() {
        return new HealthOverride(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), true);
    }

    /** {@code --health-cmd COMMAND}: run by the container's {@code /bin/sh -c}, as Docker's CMD-SHELL. */
    public HealthOverride withShellCommand(String command) {
        return new HealthOverride(Optional.of(List.of("CMD-SHELL", command)), interval, timeout, retries, startPeriod,
                startInterval, disabled);
    }

    /**
     * Go's {@code time.ParseDuration}, which Docker reads the {@code --health-*} durations with ({@code 1m30s},
     * {@code 500ms}).
     *
     * @throws IllegalArgumentException with Go's message
     */
    public static Duration parseDuration(String text) {
        return dev.berth.golang.GoTime.parseDuration(text);
    }

    /** The daemon refuses a duration above zero but below a millisecond. */
    private static void requireMillisecond(String field, Optional<Duration> value) {
        if (value.isPresent() && !value.get().isZero() && !value.get().isNegative()
                && value.get().compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(field + " in Healthcheck cannot be less than 1ms");
        }
    }

    private static void requireNotNegative(String flag, Optional<Duration> value) {
        if (value.isPresent() && value.get().isNegative()) {
            throw new IllegalArgumentException(flag + " cannot be negative");
        }
    }
}
