package dev.berth.container;

import java.time.Instant;
import java.util.Objects;

/**
 * One healthcheck run, as Docker's {@code State.Health.Log} keeps it.
 *
 * @param start    when the test started
 * @param end      when it ended (or was given up)
 * @param exitCode 0 healthy, 1 unhealthy, anything else counts as a failure; -1 when it timed out or did not run
 * @param output   what it wrote (stdout and stderr together), at most {@link #MAX_OUTPUT} characters
 */
public record HealthProbe(Instant start, Instant end, int exitCode, String output) {

    /** Docker keeps this much of a probe's output. */
    public static final int MAX_OUTPUT = 4096;

    public HealthProbe {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(output, "output");
        if (output.length() > MAX_OUTPUT) {
            output = output.substring(0, MAX_OUTPUT);
        }
    }
}
