package dev.berth.api.compose;

import dev.berth.api.ContainerSummary;
import dev.berth.api.HealthOverride;
import dev.berth.api.HostOptions;
import dev.berth.api.RestartPolicy;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service's {@code healthcheck} and {@code restart} as the façade's run options: the healthcheck laid over the
 * image's HEALTHCHECK as Docker Compose lays it (what the file gives replaces the image's value, {@code disable} or
 * {@code NONE} turns it off), the restart policy in Docker's {@code --restart} words.
 */
final class HealthSupport {

    private HealthSupport() {
    }

    /** Containers report health: {@code service_healthy} and {@code --wait} wait for it. */
    static boolean reportsHealth() {
        return true;
    }

    /** The host options with the service's healthcheck and restart policy. */
    static HostOptions apply(HostOptions host, ServiceSpec spec) {
        HostOptions with = spec.healthcheck().map(check -> host.withHealth(Optional.of(override(check)))).orElse(host);
        return spec.restart().map(policy -> with.withRestart(RestartPolicy.parse(policy))).orElse(with);
    }

    /** {@code starting}, {@code healthy} or {@code unhealthy}; empty when the container has no health check. */
    static Optional<String> health(ContainerSummary container) {
        return container.health();
    }

    private static HealthOverride override(ServiceSpec.Healthcheck check) {
        if (check.disabled()) {
            return HealthOverride.disabledCheck();
        }
        return new HealthOverride(check.test().isEmpty() ? Optional.empty() : Optional.of(check.test()),
                check.interval(), check.timeout(),
                check.retries().map(OptionalInt::of).orElse(OptionalInt.empty()), check.startPeriod(),
                check.startInterval(), false);
    }
}
