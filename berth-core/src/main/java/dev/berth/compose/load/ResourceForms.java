package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs} entries in long form:
 * {@code labels} lists made mappings, {@code driver_opts} values made strings, a null entry an empty one.
 */
final class ResourceForms {

    private ResourceForms() {
    }

    static ComposeNode.Mapping canonical(String section, ComposeNode.Mapping declared) {
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, ComposeNode> entry : declared.entries().entrySet()) {
            String at = section + "." + entry.getKey();
            ComposeNode value = entry.getValue();
            if (value instanceof ComposeNode.Scalar scalar && scalar.isNull()) {
                out.put(entry.getKey(), value);
                continue;
            }
            ComposeNode.Mapping resource = Nodes.requireMapping(value, at);
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
        return ComposeNode.Mapping.of(out, declared.position());
    }
}
