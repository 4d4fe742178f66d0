package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks Compose makes once files are merged: every {@code depends_on} names a service, {@code network_mode}
 * and {@code networks} are not both given, every network,
 * named volume, secret and config a service uses is declared, and {@code depends_on} has no cycle. Messages
 * are Docker Compose's, with the file and line of the reference.
 */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    static void check(ComposeNode.Mapping model) {
        ComposeNode.Mapping services = model.mapping("services").orElseThrow();
        for (Map.Entry<String, ComposeNode> entry : services.entries().entrySet()) {
            String service = entry.getKey();
            ComposeNode.Mapping spec = (ComposeNode.Mapping) entry.getValue();
            spec.mapping("depends_on").ifPresent(deps -> deps.entries().forEach((dependency, value) -> {
                if (!services.entries().containsKey(dependency)) {
                    throw ComposeErrors.attribute(value.position(), "services." + service + ".depends_on",
                            "service \"" + service + "\" depends on undefined service \"" + dependency
                                    + "\": invalid compose project");
                }
            }));
            // compose-go's checkConsistency: an empty networks list beside network_mode is accepted.
            if (spec.get("network_mode").isPresent()
                    && spec.mapping("networks").map(networks -> !networks.entries().isEmpty()).orElse(false)) {
                throw ComposeErrors.attribute(spec.get("network_mode").orElseThrow().position(), "services." + service,
                        "service " + service + " declares mutually exclusive `network_mode` and `networks`: invalid"
                                + " compose project");
            }
            for (String section : List.of("networks", "volumes", "secrets", "configs")) {
                ComposeNode.Mapping declared = model.mapping(section).orElse(ComposeNode.Mapping.empty(model.position()));
                for (Reference reference : references(section, spec)) {
                    if (!declared.entries().containsKey(reference.name())) {
                        throw ComposeErrors.attribute(reference.at().position(), "services." + service + "."
                                + section, "service \"" + service + "\" refers to undefined "
                                + section.substring(0, section.length() - 1) + " " + reference.name()
                                + ": invalid compose project");
                    }
                }
            }
        }
        for (String service : services.entries().keySet()) {
            cycle(services, service, new ArrayList<>());
        }
    }

    private static void cycle(ComposeNode.Mapping services, String service, List<String> path) {
        if (path.contains(service)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(service), path.size()));
            loop.add(service);
            ComposeNode at = services.entries().get(service);
            throw ComposeErrors.attribute(at.position(), "services." + service + ".depends_on",
                    "dependency cycle detected: " + String.join(" -> ", loop));
        }
        path.add(service);
        ComposeNode.Mapping spec = (ComposeNode.Mapping) services.entries().get(service);
        spec.mapping("depends_on").ifPresent(deps -> deps.entries().keySet().forEach(d -> cycle(services, d, path)));
        path.removeLast();
    }

    record Reference(String name, ComposeNode at) {
    }

    static List<Reference> references(String section, ComposeNode.Mapping service) {
        List<Reference> out = new ArrayList<>();
        switch (section) {
            case "networks" -> service.mapping("networks").ifPresent(n -> n.entries().forEach((name, value) ->
                    out.add(new Reference(name, value))));
            case "volumes" -> service.get("volumes").ifPresent(v -> {
                for (ComposeNode item : ((ComposeNode.Sequence) v).items()) {
                    ComposeNode.Mapping mount = (ComposeNode.Mapping) item;
                    if (mount.text("type").orElse("volume").equals("volume") && mount.text("source").isPresent()) {
                        out.add(new Reference(mount.text("source").orElseThrow(), item));
                    }
                }
            });
            default -> {
                service.get(section).ifPresent(v -> sources((ComposeNode.Sequence) v, out));
                if (section.equals("secrets")) {
                    service.mapping("build").flatMap(build -> build.get("secrets"))
                            .ifPresent(v -> sources((ComposeNode.Sequence) v, out));
                }
            }
        }
        return out;
    }

    private static void sources(ComposeNode.Sequence references, List<Reference> out) {
        for (ComposeNode item : references.items()) {
            ((ComposeNode.Mapping) item).text("source").ifPresent(source -> out.add(new Reference(source, item)));
        }
    }

    static Set<String> used(String section, ComposeNode.Mapping services) {
        Set<String> used = new LinkedHashSet<>();
        services.entries().values().forEach(service -> references(section, (ComposeNode.Mapping) service)
                .forEach(reference -> used.add(reference.name())));
        return used;
    }
}
