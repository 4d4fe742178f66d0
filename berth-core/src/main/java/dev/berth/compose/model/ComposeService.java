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
 * @param hashed the attributes Compose's config hash covers: as {@code attributes}, but with {@code env_file}
 *     still listed and {@code environment} only as written (the files are not read for the hash)
 */
public record ComposeService(String name, Optional<String> image, boolean builds, List<String> profiles,
                             Map<String, DependencyCondition> dependsOn, ComposeNode.Mapping attributes,
                             ComposeNode.Mapping hashed) {

    public ComposeService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        profiles = List.copyOf(profiles);
        dependsOn = Map.copyOf(dependsOn);
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(hashed, "hashed");
    }

    /** What a dependency waits for, as {@code depends_on.*.condition} says. */
    public enum DependencyCondition {
        SERVICE_STARTED,
        SERVICE_HEALTHY,
        SERVICE_COMPLETED_SUCCESSFULLY
    }
}
