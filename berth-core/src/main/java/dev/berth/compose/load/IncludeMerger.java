package dev.berth.compose.load;

import dev.berth.compose.model.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds what an {@code include} brings to the including file: each service, network, volume, secret and config
 * of the included project, which the including file may not define again (the specification's conflict rule).
 */
final class IncludeMerger {

    private IncludeMerger() {
    }

    static Node.Mapping mergeIncluded(Node.Mapping included, Node.Mapping including) {
        if (included.entries().isEmpty()) {
            return including;
        }
        LinkedHashMap<String, Node> out = new LinkedHashMap<>(including.entries());
        for (Map.Entry<String, Node> section : included.entries().entrySet()) {
            Node mine = out.get(section.getKey());
            if (!(section.getValue() instanceof Node.Mapping theirs) || !(mine instanceof Node.Mapping ours)) {
                out.putIfAbsent(section.getKey(), section.getValue());
                continue;
            }
            LinkedHashMap<String, Node> merged = new LinkedHashMap<>(theirs.entries());
            for (Map.Entry<String, Node> entry : ours.entries().entrySet()) {
                if (merged.containsKey(entry.getKey()) && !section.getKey().startsWith("x-")) {
                    throw ComposeErrors.attribute(entry.getValue().position(), section.getKey() + "."
                            + entry.getKey(), "conflicts with imported resource");
                }
                merged.put(entry.getKey(), entry.getValue());
            }
            out.put(section.getKey(), Node.Mapping.of(merged, ours.position()));
        }
        return Node.Mapping.of(out, including.position());
    }
}
