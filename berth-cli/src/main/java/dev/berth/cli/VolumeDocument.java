package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.VolumeSummary;
import java.util.stream.Collectors;

/** A volume as Docker's API gives it ({@code volume inspect}) and as {@code volume ls}'s formatter sees it. */
final class VolumeDocument {

    static final String LIST_FORMAT = "table {{.Driver}}\\t{{.Name}}";
    static final java.util.Map<String, String> TITLES = java.util.Map.of("Name", "VOLUME NAME");

    private VolumeDocument() {
    }

    /**
     * Docker's {@code volume.Volume} JSON, fields in its order, as {@code VolumeInspectOracleIT} checks against
     * Docker's; {@code CreatedAt} in RFC 3339 seconds, in UTC.
     */
    static ObjectNode inspect(VolumeSummary volume) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("CreatedAt", GoJson.time(volume.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        node.put("Driver", volume.driver());
        // Docker 20.10 gives null for a volume without labels, and for Options, which Berth's local volumes never have.
        if (volume.labels().isEmpty()) {
            node.putNull("Labels");
        } else {
            ObjectNode labels = node.putObject("Labels");
            volume.labels().forEach(labels::put);
        }
        node.put("Mountpoint", volume.mountpoint().toString());
        node.put("Name", volume.name());
        node.putNull("Options");
        node.put("Scope", volume.scope());
        return node;
    }

    /** The fields of Docker's volume formatter: labels as {@code k=v,...}; links and size are not computed (N/A). */
    static ObjectNode row(VolumeSummary volume) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Driver", volume.driver());
        node.put("Labels", volume.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        node.put("Links", "N/A");
        node.put("Mountpoint", volume.mountpoint().toString());
        node.put("Name", volume.name());
        node.put("Scope", volume.scope());
        node.put("Size", "N/A");
        return node;
    }
}
