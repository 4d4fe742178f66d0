package dev.berth.cli;

import dev.berth.api.HealthOverride;
import dev.berth.api.RestartPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code berth run}'s healthcheck flags and {@code --restart}, read as Docker's client reads them (durations as Go
 * durations, Docker's texts for what it refuses).
 */
final class RunHealthFlags {

    @Option(names = "--health-cmd", paramLabel = "COMMAND", description = "Command to run to check health (run by /bin/sh -c in the container).")
    String command;

    @Option(names = "--health-interval", paramLabel = "DURATION", description = "Time between running the check (ms|s|m|h) (default 30s).")
    String interval;

    @Option(names = "--health-timeout", paramLabel = "DURATION", description = "Maximum time to allow one check to run (ms|s|m|h) (default 30s).")
    String timeout;

    @Option(names = "--health-retries", paramLabel = "N", description = "Consecutive failures needed to report unhealthy (default 3).")
    Integer retries;

    @Option(names = "--health-start-period", paramLabel = "DURATION",
            description = "Start period for the container to initialize before failures count (ms|s|m|h) (default 0s).")
    String startPeriod;

    @Option(names = "--health-start-interval", paramLabel = "DURATION",
            description = "Time between running the check during the start period (ms|s|m|h) (default 5s).")
    String startInterval;

    @Option(names = "--no-healthcheck", description = "Disable any container-specified HEALTHCHECK.")
    boolean disabled;

    @Option(names = "--restart", paramLabel = "POLICY", defaultValue = "no",
            description = "Restart policy when the container exits on its own: no, always, unless-stopped, on-failure[:N] "
                    + "(default: ${DEFAULT-VALUE}); nothing restarts containers after a host reboot.")
    String restart;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The flags over the image's HEALTHCHECK; empty when none was given. */
    Optional<HealthOverride> health() {
        boolean any = command != null || interval != null || timeout != null || retries != null || startPeriod != null
                || startInterval != null || disabled;
        if (!any) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HealthOverride(Optional.ofNullable(command).map(c -> java.util.List.of("CMD-SHELL", c)),
                    duration(interval, "--health-interval"), duration(timeout, "--health-timeout"),
                    retries == null ? OptionalInt.empty() : OptionalInt.of(retries),
                    duration(startPeriod, "--health-start-period"), duration(startInterval, "--health-start-interval"),
                    disabled));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    RestartPolicy restartPolicy() {
        try {
            return RestartPolicy.parse(restart);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Docker's usage error for a value that is no Go duration. */
    private Optional<Duration> duration(String value, String flag) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HealthOverride.parseDuration(value));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + e.getMessage(), e);
        }
    }
}
