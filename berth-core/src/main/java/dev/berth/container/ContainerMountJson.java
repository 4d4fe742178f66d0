package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code mounts} and {@code stopTimeout} fields of {@code container.json}; both optional, so records written
 * before them read as a container without mounts.
 */
final class ContainerMountJson {

    private ContainerMountJson() {
    }

    static void write(ObjectNode node, ContainerRecord record) {
        record.stopTimeout().ifPresent(seconds -> node.put("stopTimeout", seconds));
        if (record.mounts().isEmpty()) {
            return;
        }
        ArrayNode mounts = node.putArray("mounts");
        for (ContainerMount mount : record.mounts()) {
            ObjectNode entry = mounts.addObject().put("type", mount.type().name().toLowerCase(Locale.ROOT));
            mount.name().ifPresent(name -> entry.put("name", name));
            mount.hostPath().ifPresent(path -> entry.put("source", path.toString()));
            entry.put("target", mount.target()).put("readOnly", mount.readOnly()).put("anonymous", mount.anonymous());
            ArrayNode options = entry.putArray("options");
            mount.options().forEach(options::add);
        }
    }

    static List<ContainerMount> mounts(JsonNode node) {
        List<ContainerMount> mounts = new ArrayList<>();
        for (JsonNode entry : node.path("mounts")) {
            List<String> options = new ArrayList<>();
            entry.path("options").forEach(option -> options.add(option.asText()));
            mounts.add(new ContainerMount(ContainerMount.Type.valueOf(entry.path("type").asText().toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(entry.get("name")).map(JsonNode::asText),
                    Optional.ofNullable(entry.get("source")).map(JsonNode::asText).map(Path::of),
                    entry.path("target").asText(), entry.path("readOnly").asBoolean(),
                    entry.path("anonymous").asBoolean(), options));
        }
        return List.copyOf(mounts);
    }

    static OptionalInt stopTimeout(JsonNode node) {
        return node.hasNonNull("stopTimeout") ? OptionalInt.of(node.path("stopTimeout").asInt()) : OptionalInt.empty();
    }
}
