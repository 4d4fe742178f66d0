package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds what an {@code include} brings to the including file: each service, network, volume, secret and config
 * of the included project, which the including file may not define again (the specification's conflict rule).
 */
final class IncludeMerger {

    private IncludeMerger() {
    }

    static ComposeNode.Mapping mergeIncluded(ComposeNode.Mapping included, ComposeNode.Mapping including) {
        if (included.entries().isEmpty()) {
            return including;
        }
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>(including.entries());
        for (Map.Entry<String, ComposeNode> section : included.entries().entrySet()) {
            ComposeNode mine = out.get(section.getKey());
            if (!(section.getValue() instanceof ComposeNode.Mapping theirs) || !(mine instanceof ComposeNode.Mapping ours)) {
                out.putIfAbsent(section.getKey(), section.getValue());
                continue;
            }
            LinkedHashMap<String, ComposeNode> merged = new LinkedHashMap<>(theirs.entries());
            for (Map.Entry<String, ComposeNode> entry : ours.entries().entrySet()) {
                if (merged.containsKey(entry.getKey()) && !section.getKey().startsWith("x-")) {
                    throw ComposeErrors.attribute(entry.getValue().position(), section.getKey() + "."
                            + entry.getKey(), "conflicts with imported resource");
                }
                merged.put(entry.getKey(), entry.getValue());
            }
            out.put(section.getKey(), ComposeNode.Mapping.of(merged, ours.position()));
        }
        return ComposeNode.Mapping.of(out, including.position());
    }
}
