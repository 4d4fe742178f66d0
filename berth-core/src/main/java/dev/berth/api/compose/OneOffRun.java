package dev.berth.api.compose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code compose run SERVICE [COMMAND...]}: a one-off container of the service.
 *
 * @param name       {@code --name}; else {@code PROJECT-SERVICE-run-<12 hex>}
 * @param command    replaces the service's command when not empty
 * @param entrypoint {@code --entrypoint}
 * @param env        {@code -e KEY=VALUE}, over the service's environment
 * @param remove     {@code --rm}: removed once it exits
 * @param noDeps     {@code --no-deps}: its dependencies are not started first
 */
public record OneOffRun(String service, Optional<String> name, List<String> command, Optional<String> entrypoint,
        List<String> env, boolean remove, boolean noDeps) {

    public OneOffRun {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(entrypoint, "entrypoint");
        env = List.copyOf(env);
    }
}
