package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long forms of the service attributes with structure of their own: {@code deploy} (labels, resource limits),
 * {@code devices} ({@code HOST[:CONTAINER[:PERMISSIONS]]}), {@code env_file} (paths made absolute, {@code required})
 * and {@code extra_hosts} ({@code HOST=IP}, sorted as compose-go's map prints them).
 */
final class ServiceDetailForms {

    private ServiceDetailForms() {
    }

    static ComposeNode deploy(ComposeNode value, String at) {
        ComposeNode.Mapping deploy = Nodes.requireMapping(value, at);
        if (deploy.get("labels").isPresent()) {
            deploy = deploy.with("labels", Nodes.keyValues(deploy.get("labels").orElseThrow(), at + ".labels", true));
        }
        ComposeNode.Mapping resources = deploy.mapping("resources").orElse(null);
        if (resources != null) {
            for (String kind : List.of("limits", "reservations")) {
                ComposeNode.Mapping resource = resources.mapping(kind).orElse(null);
                if (resource == null) {
                    continue;
                }
                if (resource.get("cpus").isPresent()) {
                    resource = resource.with("cpus", Nodes.asFloat(resource.get("cpus").orElseThrow(),
                            at + ".resources." + kind + ".cpus"));
                }
                if (resource.get("memory").isPresent()) {
                    resource = resource.with("memory", ServiceForms.simple("mem_limit", resource.get("memory").orElseThrow(),
                            at + ".resources." + kind + ".memory"));
                }
                resources = resources.with(kind, resource);
            }
            deploy = deploy.with("resources", resources);
        }
        return deploy;
    }

    static ComposeNode device(ComposeNode item, String at) {
        if (!(item instanceof ComposeNode.Scalar scalar)) {
            return Nodes.requireMapping(item, at);
        }
        String[] parts = Nodes.text(scalar, at).split(":");
        if (parts.length > 3) {
            throw ComposeErrors.attribute(scalar.position(), at, "confusing device mapping, please use long syntax: "
                    + scalar.text());
        }
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        out.put("source", Nodes.string(parts[0], scalar.position()));
        out.put("target", Nodes.string(parts.length > 1 ? parts[1] : parts[0], scalar.position()));
        out.put("permissions", Nodes.string(parts.length > 2 ? parts[2] : "rwm", scalar.position()));
        return Nodes.mapping(out, scalar.position());
    }

    static ComposeNode envFiles(ComposeNode value, String at, Path baseDirectory) {
        List<ComposeNode> items = new ArrayList<>();
        List<ComposeNode> given = value instanceof ComposeNode.Sequence sequence ? sequence.items() : List.of(value);
        for (ComposeNode item : given) {
            ComposeNode.Mapping file = item instanceof ComposeNode.Mapping mapping ? mapping
                    : Nodes.mapping(Map.of("path", Nodes.asString(item, at)), item.position());
            String path = file.text("path").orElseThrow(() -> ComposeErrors.attribute(item.position(), at,
                    "path is required"));
            file = file.with("path", Nodes.string(baseDirectory.resolve(path).normalize().toString(),
                    item.position()));
            if (file.get("required").isEmpty()) {
                file = file.with("required", Nodes.bool(true, item.position()));
            }
            items.add(file);
        }
        return Nodes.sequence(items, value.position());
    }

    static ComposeNode extraHosts(ComposeNode value, String at) {
        List<ComposeNode> items = new ArrayList<>();
        switch (value) {
            case ComposeNode.Mapping mapping -> mapping.entries().forEach((host, ip) -> items.add(
                    Nodes.string(host + "=" + Nodes.text(ip, at + "." + host), ip.position())));
            case ComposeNode.Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    String entry = Nodes.text(item, at);
                    int equals = entry.indexOf('=');
                    int colon = entry.indexOf(':');
                    String normalized = equals >= 0 ? entry
                            : colon >= 0 ? entry.substring(0, colon) + "=" + entry.substring(colon + 1) : entry;
                    items.add(Nodes.string(normalized, item.position()));
                }
            }
            case ComposeNode.Scalar scalar -> throw ComposeErrors.attribute(scalar.position(), at,
                    "must be a list or a mapping");
        }
        // compose-go 2.1 holds extra hosts in a map: they print sorted.
        items.sort(java.util.Comparator.comparing(item -> ((ComposeNode.Scalar) item).text()));
        return Nodes.sequence(items, value.position());
    }
}
