package dev.berth.compose.print;

import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.model.ComposeService;
import dev.berth.compose.model.ComposeNode;
import java.util.ArrayList;
import java.util.List;

/** The texts {@code docker compose config} prints: the model as YAML or JSON, or one of its lists. */
public final class ConfigRenderer {

    private ConfigRenderer() {
    }

    /**
     * The model as YAML. When it was interpolated, every {@code $} is written {@code $$}, as Compose does, so
     * the output loads back to the same values.
     */
    public static String yaml(ComposeProject project, boolean interpolated) {
        return escaped(YamlConfigPrinter.print(project.model()), interpolated);
    }

    public static String json(ComposeProject project, boolean interpolated) {
        return escaped(JsonConfigPrinter.project(project.model()), interpolated);
    }

    private static String escaped(String text, boolean interpolated) {
        return interpolated ? text.replace("$", "$$") : text;
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
            out.add(name + " " + ConfigHash.of(service.hashed()));
        }
        return lines(out);
    }

    private static String lines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
