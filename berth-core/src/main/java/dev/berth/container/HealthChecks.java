package dev.berth.container;

import dev.berth.image.HealthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A container's healthcheck as Docker settles it: the run's {@code Healthcheck} laid over the image's (an empty test
 * or a zero value takes the image's), {@code ["NONE"]} or no test meaning none; then Docker's defaults for what is
 * still zero (interval 30 s, timeout 30 s, start interval 5 s, 3 retries, no start period).
 */
public final class HealthChecks {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;
    /** The daemon refuses a non-zero duration below this. */
    private static final Duration SHORTEST = Duration.ofMillis(1);

    private HealthChecks() {
    }

    /**
     * The healthcheck the container keeps: the run's over the image's; empty when there is none or it is disabled.
     *
     * @throws IllegalArgumentException with the daemon's text for a duration below a millisecond
     */
    public static Optional<HealthConfig> merge(Optional<HealthConfig> image, Optional<HealthConfig> run) {
        Optional<HealthConfig> merged;
        if (run.isEmpty()) {
            merged = image;
        } else if (image.isEmpty()) {
            merged = run;
        } else {
            HealthConfig user = run.get();
            HealthConfig own = image.get();
            merged = Optional.of(new HealthConfig(user.test().isEmpty() ? own.test() : user.test(),
                    either(user.interval(), own.interval()), either(user.timeout(), own.timeout()),
                    either(user.startPeriod(), own.startPeriod()), either(user.startInterval(), own.startInterval()),
                    user.retries() == 0 ? own.retries() : user.retries()));
        }
        merged.ifPresent(HealthChecks::validate);
        return merged.filter(config -> !config.test().isEmpty() && !config.test().getFirst().equals("NONE"));
    }

    /** The command the test runs in the container: {@code CMD} as given, {@code CMD-SHELL} through {@code /bin/sh -c}. */
    public static List<String> command(HealthConfig config) {
        List<String> test = config.test();
        return switch (test.getFirst()) {
            case "CMD" -> List.copyOf(test.subList(1, test.size()));
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
            default -> throw new IllegalArgumentException("unknown healthcheck type '" + test.getFirst()
                    + "' (expected 'CMD' or 'CMD-SHELL')");
        };
    }

    public static Duration interval(HealthConfig config) {
        return orDefault(config.interval(), DEFAULT_INTERVAL);
    }

    public static Duration timeout(HealthConfig config) {
        return orDefault(config.timeout(), DEFAULT_TIMEOUT);
    }

    public static Duration startPeriod(HealthConfig config) {
        return orDefault(config.startPeriod(), Duration.ZERO);
    }

    public static Duration startInterval(HealthConfig config) {
        return orDefault(config.startInterval(), DEFAULT_START_INTERVAL);
    }

    public static int retries(HealthConfig config) {
        return config.retries() == 0 ? DEFAULT_RETRIES : config.retries();
    }

    /**
     * The wait before the next probe, as Docker's monitor picks it: the start interval while the container is still
     * starting within its start period, the interval otherwise.
     */
    public static Duration nextWait(HealthConfig config, Instant started, Instant now, String status) {
        boolean inStartPeriod = Duration.between(started, now).compareTo(startPeriod(config)) < 0;
        return inStartPeriod && status.equals(HealthState.STARTING) ? startInterval(config) : interval(config);
    }

    private static void validate(HealthConfig config) {
        check("Interval", config.interval());
        check("Timeout", config.timeout());
        check("StartPeriod", config.startPeriod());
        check("StartInterval", config.startInterval());
        if (!config.test().isEmpty() && !List.of("NONE", "CMD", "CMD-SHELL").contains(config.test().getFirst())) {
            throw new IllegalArgumentException("unknown healthcheck type '" + config.test().getFirst() + "'");
        }
    }

    private static void check(String field, long nanos) {
        if (nanos != 0 && nanos < SHORTEST.toNanos()) {
            throw new IllegalArgumentException(field + " in Healthcheck cannot be less than " + SHORTEST.toMillis() + "ms");
        }
    }

    private static long either(long user, long image) {
        return user == 0 ? image : user;
    }

    private static Duration orDefault(long nanos, Duration fallback) {
        return nanos == 0 ? fallback : Duration.ofNanos(nanos);
    }
}
