package dev.berth.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Docker's {@code State.Health} of a container with a healthcheck, as its health monitor last wrote it.
 *
 * @param status        {@code starting}, {@code healthy} or {@code unhealthy}
 * @param failingStreak failures in a row
 * @param log           the last five probes, oldest first
 */
public record ContainerHealth(String status, int failingStreak, List<Probe> log) {

    public ContainerHealth {
        Objects.requireNonNull(status, "status");
        log = List.copyOf(log);
    }

    /**
     * One run of the test.
     *
     * @param exitCode 0 healthy, 1 unhealthy, -1 timed out or not run
     * @param output   stdout and stderr together, at most 4096 characters
     */
    public record Probe(Instant start, Instant end, int exitCode, String output) {
        public Probe {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(output, "output");
        }
    }
}
