package dev.berth.container;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Docker's {@code State.Health} of a container with a healthcheck, and its state machine (moby's
 * {@code handleProbeResult}): a pass makes it {@code healthy} and resets the streak; a failure adds to the streak,
 * except while it is still {@code starting} within the start period, and {@code retries} failures in a row make it
 * {@code unhealthy}. The last {@link #MAX_LOG} probes are kept.
 *
 * @param status        {@code starting}, {@code healthy} or {@code unhealthy}
 * @param failingStreak failures in a row
 * @param log           the last probes, oldest first
 */
public record HealthState(String status, int failingStreak, List<HealthProbe> log) {

    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** Docker keeps the last five probes. */
    public static final int MAX_LOG = 5;

    public HealthState {
        Objects.requireNonNull(status, "status");
        if (!status.equals(STARTING) && !status.equals(HEALTHY) && !status.equals(UNHEALTHY)) {
            throw new IllegalArgumentException("not a health status: " + status);
        }
        if (failingStreak < 0) {
            throw new IllegalArgumentException("a failing streak is not negative: " + failingStreak);
        }
        log = List.copyOf(log.size() > MAX_LOG ? log.subList(log.size() - MAX_LOG, log.size()) : log);
    }

    /** A container just started: {@code starting}, no failures, no probes. */
    public static HealthState initial() {
        return new HealthState(STARTING, 0, List.of());
    }

    /** This state started again ({@code start}, a restart): {@code starting}, no streak, the log kept as Docker keeps it. */
    public HealthState restarted() {
        return new HealthState(STARTING, 0, log);
    }

    /**
     * The state after {@code probe}.
     *
     * @param started     when the container's process was started (the start period counts from it)
     * @param startPeriod failures that begin within it do not count while the container is starting
     * @param retries     failures in a row that make it unhealthy
     */
    public HealthState after(HealthProbe probe, Instant started, Duration startPeriod, int retries) {
        List<HealthProbe> probes = new ArrayList<>(log);
        probes.add(probe);
        if (probe.exitCode() == 0) {
            return new HealthState(HEALTHY, 0, probes);
        }
        boolean counts = !status.equals(STARTING) || Duration.between(started, probe.start()).compareTo(startPeriod) >= 0;
        if (!counts) {
            return new HealthState(status, failingStreak, probes);
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= retries ? UNHEALTHY : status, streak, probes);
    }

    /** What {@code ps} adds to {@code Up ...}: {@code (health: starting)}, {@code (healthy)}, {@code (unhealthy)}. */
    public String statusSuffix() {
        return status.equals(STARTING) ? " (health: starting)" : " (" + status + ")";
    }
}
