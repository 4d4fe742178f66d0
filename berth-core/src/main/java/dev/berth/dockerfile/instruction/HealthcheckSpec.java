package dev.berth.dockerfile.instruction;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What HEALTHCHECK sets: nothing ({@code NONE}, disabling an inherited check) or a probe. */
public sealed interface HealthcheckSpec {

    /** {@code HEALTHCHECK NONE}. */
    record None() implements HealthcheckSpec {}

    /**
     * {@code HEALTHCHECK [--interval=...] CMD ...}. Durations left empty use the runtime's defaults;
     * a present duration is at least 1ms (Docker's minimum), {@code retries} is not negative.
     */
    record Check(ShellOrExec command, Optional<Duration> interval, Optional<Duration> timeout,
            Optional<Duration> startPeriod, Optional<Duration> startInterval, OptionalInt retries)
            implements HealthcheckSpec {
        public Check {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(startPeriod, "startPeriod");
            Objects.requireNonNull(startInterval, "startInterval");
            Objects.requireNonNull(retries, "retries");
        }
    }
}
