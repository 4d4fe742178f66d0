package dev.berth.api;

import dev.berth.container.HealthState;
import dev.berth.container.HealthStateFile;
import dev.berth.container.ContainerDirectory;
import dev.berth.container.RestartRule;
import dev.berth.image.HealthConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The façade's healthcheck and restart terms turned into the container package's, and its health state back. */
final class RestartPolicies {

    private RestartPolicies() {
    }

    static RestartRule rule(RestartPolicy policy) {
        return new RestartRule(policy.name(), policy.maximumRetryCount());
    }

    static RestartPolicy policy(RestartRule rule) {
        return switch (rule.name()) {
            case "always" -> new RestartPolicy.Always();
            case "unless-stopped" -> new RestartPolicy.UnlessStopped();
            case "on-failure" -> new RestartPolicy.OnFailure(rule.maximumRetryCount() == 0 ? OptionalInt.empty()
                    : OptionalInt.of(rule.maximumRetryCount()));
            default -> new RestartPolicy.No();
        };
    }

    /** The run's {@code Healthcheck} as Docker's client makes it from the flags: zeros for what was not given. */
    static Optional<HealthConfig> healthcheck(Optional<HealthOverride> override) {
        if (override.isEmpty()) {
            return Optional.empty();
        }
        HealthOverride flags = override.get();
        if (flags.disabled()) {
            return Optional.of(new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0));
        }
        return Optional.of(new HealthConfig(flags.test().orElse(List.of()), nanos(flags.interval()),
                nanos(flags.timeout()), nanos(flags.startPeriod()), nanos(flags.startInterval()),
                flags.retries().orElse(0)));
    }

    static Optional<ContainerHealth> health(ContainerDirectory directory) {
        return HealthStateFile.read(directory).map(RestartPolicies::health);
    }

    private static ContainerHealth health(HealthState state) {
        return new ContainerHealth(state.status(), state.failingStreak(), state.log().stream()
                .map(p -> new ContainerHealth.Probe(p.start(), p.end(), p.exitCode(), p.output())).toList());
    }

    private static long nanos(Optional<Duration> value) {
        return value.map(Duration::toNanos).orElse(0L);
    }
}
