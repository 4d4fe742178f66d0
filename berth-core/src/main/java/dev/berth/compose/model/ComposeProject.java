package dev.berth.compose.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded Compose project: its name, directory, the enabled services (by name, sorted), the resources they use,
 * the whole normalized model as {@code config} prints it, and the warnings loading gave.
 *
 * @param model the top-level mapping: {@code name}, {@code services}, {@code networks}, {@code volumes},
 *     {@code secrets}, {@code configs} and extensions, each in long form with defaults applied
 * @param allProfiles every profile named by any service, enabled or not ({@code config --profiles})
 */
public record ComposeProject(String name, Path workingDirectory, Map<String, ComposeService> services,
                             ComposeNode.Mapping model, List<String> allProfiles, List<String> warnings) {

    public ComposeProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        services = Map.copyOf(services);
        Objects.requireNonNull(model, "model");
        allProfiles = List.copyOf(allProfiles);
        warnings = List.copyOf(warnings);
    }

    public List<String> serviceNames() {
        return services.keySet().stream().sorted().toList();
    }
}
