package dev.berth.api.compose;

import dev.berth.api.ContainerSummary;
import dev.berth.api.HostOptions;
import java.util.Optional;

/**
 * The one place that knows what the façade offers of health checks and restart policies. Today it offers neither:
 * a service's {@code healthcheck} and {@code restart} are not applied (a warning says so), and
 * {@code service_healthy} and {@code --wait} wait for the container to run. Once {@code ContainerSummary.health()}
 * and {@code HostOptions}' {@code health} and {@code restart} are on the façade, this class alone changes.
 */
final class HealthSupport {

    private HealthSupport() {
    }

    /** Whether containers report health: when false, waiting for healthy waits for running. */
    static boolean reportsHealth() {
        return false;
    }

    /** The host options with the service's healthcheck and restart policy, where the façade takes them. */
    static HostOptions apply(HostOptions host, ServiceSpec spec, ComposeProgress progress) {
        spec.healthcheck().filter(check -> !check.disabled()).ifPresent(check -> progress.warning("service "
                + spec.name() + ": its healthcheck is not run yet; service_healthy waits for it to be running"));
        spec.restart().filter(policy -> !policy.equals("no")).ifPresent(policy -> progress.warning("service "
                + spec.name() + ": restart: " + policy + " is not applied yet"));
        return host;
    }

    /** {@code starting}, {@code healthy} or {@code unhealthy}; empty when the container has no health check. */
    static Optional<String> health(ContainerSummary container) {
        return Optional.empty();
    }
}
