package dev.berth.compose.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of a loaded project: what {@code up} orders and names by, and every attribute in long form.
 *
 * @param image the image to run, when given; a service that builds without one gets {@code PROJECT-SERVICE}
 * @param dependsOn the services this one waits for, with the condition each must meet
 * @param attributes all attributes, in long form, as {@code config} prints them
 */
public record ComposeService(String name, Optional<String> image, boolean builds, List<String> profiles,
                             Map<String, DependencyCondition> dependsOn, Node.Mapping attributes) {

    public ComposeService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        profiles = List.copyOf(profiles);
        dependsOn = Map.copyOf(dependsOn);
        Objects.requireNonNull(attributes, "attributes");
    }

    /** What a dependency waits for, as {@code depends_on.*.condition} says. */
    public enum DependencyCondition {
        SERVICE_STARTED,
        SERVICE_HEALTHY,
        SERVICE_COMPLETED_SUCCESSFULLY
    }
}
