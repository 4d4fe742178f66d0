package dev.berth.compose.load;

import dev.berth.compose.model.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs} entries in long form:
 * {@code labels} lists made mappings, {@code driver_opts} values made strings, a null entry an empty one.
 */
final class ResourceForms {

    private ResourceForms() {
    }

    static Node.Mapping canonical(String section, Node.Mapping declared) {
        LinkedHashMap<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : declared.entries().entrySet()) {
            String at = section + "." + entry.getKey();
            Node value = entry.getValue();
            if (value instanceof Node.Scalar scalar && scalar.isNull()) {
                out.put(entry.getKey(), value);
                continue;
            }
            Node.Mapping resource = Nodes.requireMapping(value, at);
            if (resource.get("labels").isPresent()) {
                resource = resource.with("labels", Nodes.keyValues(resource.get("labels").orElseThrow(),
                        at + ".labels", true));
            }
            if (resource.get("driver_opts").isPresent()) {
                resource = resource.with("driver_opts", Nodes.keyValues(resource.get("driver_opts").orElseThrow(),
                        at + ".driver_opts", true));
            }
            out.put(entry.getKey(), resource.tag() == value.tag() ? resource : resource.withTag(value.tag()));
        }
        return Node.Mapping.of(out, declared.position());
    }
}
