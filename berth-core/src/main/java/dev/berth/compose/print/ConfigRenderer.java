package dev.berth.compose.print;

import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.model.ComposeService;
import dev.berth.compose.model.Node;
import java.util.ArrayList;
import java.util.List;

/** The texts {@code docker compose config} prints: the model as YAML or JSON, or one of its lists. */
public final class ConfigRenderer {

    private ConfigRenderer() {
    }

    public static String yaml(ComposeProject project) {
        return YamlConfigPrinter.print(project.model());
    }

    public static String json(ComposeProject project) {
        return JsonConfigPrinter.project(project.model());
    }

    public static String services(ComposeProject project) {
        return lines(project.serviceNames());
    }

    public static String volumes(ComposeProject project) {
        return lines(project.model().mapping("volumes").map(v -> v.entries().keySet().stream().sorted().toList())
                .orElse(List.of()));
    }

    public static String profiles(ComposeProject project) {
        return lines(project.allProfiles());
    }

    /** Each service's image: its {@code image}, else {@code PROJECT-SERVICE}, in service name order. */
    public static String images(ComposeProject project) {
        List<String> images = new ArrayList<>();
        for (String name : project.serviceNames()) {
            ComposeService service = project.services().get(name);
            images.add(service.image().orElse(project.name() + "-" + service.name()));
        }
        return lines(images);
    }

    /** {@code SERVICE HASH} lines for the services named ({@code *} for all), in name order. */
    public static String hashes(ComposeProject project, List<String> services) {
        List<String> names = services.contains("*") ? project.serviceNames() : services;
        List<String> out = new ArrayList<>();
        for (String name : names) {
            ComposeService service = project.services().get(name);
            if (service == null) {
                throw new dev.berth.error.NotFoundException("no such service: " + name);
            }
            out.add(name + " " + ConfigHash.of(service.attributes()));
        }
        return lines(out);
    }

    /** The compact JSON a service's hash is taken over (for tests and {@code up}'s labels). */
    public static String hashedJson(Node.Mapping service) {
        return JsonConfigPrinter.compactService(service.without("build").without("pull_policy"));
    }

    private static String lines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
