package dev.berth.container;

import dev.berth.image.HealthConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code berth run -d} asks for beyond {@link ContainerSpec}.
 *
 * @param name       {@code --name}; an {@code adjective_surname} is generated when empty
 * @param labels     {@code --label}: set over the image's labels
 * @param autoRemove {@code --rm}: the container is removed when its process exits (by conmon's exit command)
 * @param logSizeMax {@code --log-opt max-size}: the log starts anew past this many bytes; no limit when empty
 * @param healthcheck the run's {@code Healthcheck} (Docker's container config: zeros and an empty test take the
 *                    image's, {@code ["NONE"]} disables it); empty for the image's as it is
 * @param restart     {@code --restart}
 * @param networkMode the first {@code --network} as given ({@code default} without one), for {@code inspect}; empty
 *                    when the caller does not say
 */
public record DetachOptions(Optional<String> name, Map<String, String> labels, boolean autoRemove, OptionalLong logSizeMax,
        Optional<HealthConfig> healthcheck, RestartRule restart, Optional<String> networkMode) {

    public DetachOptions {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(logSizeMax, "logSizeMax");
        Objects.requireNonNull(healthcheck, "healthcheck");
        Objects.requireNonNull(restart, "restart");
        if (autoRemove && restart.restarts()) {
            throw new IllegalArgumentException("Conflicting options: --restart and --rm");
        }
        Objects.requireNonNull(networkMode, "networkMode");
    }

    /** The network mode not said: {@code inspect} shows the network's name. */
    public DetachOptions(Optional<String> name, Map<String, String> labels, boolean autoRemove, OptionalLong logSizeMax,
            Optional<HealthConfig> healthcheck, RestartRule restart) {
        this(name, labels, autoRemove, logSizeMax, healthcheck, restart, Optional.empty());
    }

    /** The image's healthcheck, no restart policy. */
    public DetachOptions(Optional<String> name, Map<String, String> labels, boolean autoRemove, OptionalLong logSizeMax) {
        this(name, labels, autoRemove, logSizeMax, Optional.empty(), RestartRule.never());
    }

    /** A generated name, no labels, kept at exit, no log limit. */
    public static DetachOptions defaults() {
        return new DetachOptions(Optional.empty(), Map.of(), false, OptionalLong.empty());
    }
}
