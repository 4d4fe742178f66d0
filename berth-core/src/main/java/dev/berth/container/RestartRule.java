package dev.berth.container;

import java.time.Duration;
import java.util.Objects;

/**
 * A detached container's restart policy as Docker keeps it ({@code HostConfig.RestartPolicy}), and the decision
 * conmon's exit command ({@link ContainerCleanup}) takes when the container's process has exited on its own.
 *
 * @param name              {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
 * @param maximumRetryCount for {@code on-failure}: at most this many restarts (0: no limit)
 */
public record RestartRule(String name, int maximumRetryCount) {

    /** Docker's first delay before a restart; it doubles with each restart in a row. */
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    /** Docker's longest delay between restarts. */
    static final Duration LONGEST_DELAY = Duration.ofMinutes(1);
    /** A run at least this long resets the delay to the first one, as Docker's restart manager does. */
    static final Duration STEADY_RUN = Duration.ofSeconds(10);

    public RestartRule {
        Objects.requireNonNull(name, "name");
        if (!name.equals("no") && !name.equals("always") && !name.equals("unless-stopped") && !name.equals("on-failure")) {
            throw new IllegalArgumentException("unknown restart policy: " + name);
        }
        if (maximumRetryCount < 0) {
            throw new IllegalArgumentException("invalid restart policy: maximum retry count cannot be negative");
        }
    }

    /** {@code no}: the default. */
    public static RestartRule never() {
        return new RestartRule("no", 0);
    }

    public boolean restarts() {
        return !name.equals("no");
    }

    /**
     * Whether a process that exited with {@code exitCode} on its own is started again, after {@code restartCount}
     * restarts already; never when the user stopped or killed it.
     */
    public boolean shouldRestart(int exitCode, int restartCount, boolean stopRequested) {
        if (stopRequested) {
            return false;
        }
        return switch (name) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (maximumRetryCount == 0 || restartCount < maximumRetryCount);
            default -> false;
        };
    }

    /**
     * How long to wait before the next restart: 100 ms doubled for each restart already made in a row, at most a
     * minute; back to 100 ms after a run of 10 s or more.
     */
    public static Duration delay(int restartCount, Duration lastRun) {
        if (lastRun.compareTo(STEADY_RUN) >= 0) {
            return FIRST_DELAY;
        }
        Duration delay = FIRST_DELAY;
        for (int i = 0; i < restartCount && delay.compareTo(LONGEST_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
