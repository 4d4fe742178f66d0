package dev.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * A loaded project as {@code compose config} shows it.
 *
 * @param projectName the project's name, as resources would be prefixed with
 * @param services    the enabled services' names, sorted
 * @param text        the view asked for, as Docker Compose 2.26.1 prints it
 * @param warnings    what Compose prints on standard error (unset variables, obsolete {@code version}...)
 */
public record ComposeConfig(String projectName, List<String> services, String text, List<String> warnings) {

    public ComposeConfig {
        Objects.requireNonNull(projectName, "projectName");
        services = List.copyOf(services);
        Objects.requireNonNull(text, "text");
        warnings = List.copyOf(warnings);
    }
}
