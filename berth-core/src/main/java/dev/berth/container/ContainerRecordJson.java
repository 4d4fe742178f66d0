package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.image.Digest;
import dev.berth.recovery.OwnerRecord;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON form of a {@link ContainerRecord} ({@code container.json}), versioned by {@code "format": 1}. Written
 * by hand, as {@link OwnerRecord} is, so that the file stays stable whatever the record's Java shape becomes.
 */
final class ContainerRecordJson {

    static final int FORMAT = 1;
    // Readers and writers are immutable and thread-safe, unlike a mapper, which can be reconfigured.
    private static final ObjectReader READER = new ObjectMapper().reader();
    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private ContainerRecordJson() {
    }

    static byte[] write(ContainerRecord record) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", FORMAT);
        node.put("id", record.id());
        node.put("name", record.name());
        node.put("image", record.image());
        node.put("imageId", record.imageId().toString());
        ObjectNode process = node.putObject("process");
        strings(process.putArray("args"), record.process().args());
        strings(process.putArray("env"), record.process().env());
        process.put("user", record.process().user());
        process.put("workingDir", record.process().workingDir());
        if (record.process().terminal()) {
            process.put("terminal", true);
        }
        node.put("created", record.created().toString());
        ObjectNode labels = node.putObject("labels");
        record.sortedLabels().forEach(labels::put);
        node.put("network", record.network().mode());
        writeNetwork(node, record.network());
        node.put("hostname", record.hostname());
        node.put("seccomp", record.seccomp());
        node.put("stopSignal", record.stopSignal());
        node.put("autoRemove", record.autoRemove());
        record.logSizeMax().ifPresent(max -> node.put("logSizeMax", max));
        record.parent().ifPresent(parent -> node.put("parent", parent.toString()));
        node.putObject("runtime").put("name", record.runtime().name())
                .put("executable", record.runtime().executable().toString())
                .put("stateRoot", record.runtime().stateRoot().toString());
        node.putObject("snapshots").put("kind", record.snapshots().kind())
                .put("root", record.snapshots().root().toString()).put("privileged", record.snapshots().privileged());
        record.started().ifPresent(started -> node.put("started", started.toString()));
        ContainerMountJson.write(node, record);
        HealthRecordJson.write(node, record);
        record.requested().ifPresent(requested -> {
            ObjectNode asked = node.putObject("requested");
            strings(asked.putArray("entrypoint"), requested.entrypoint());
            asked.put("networkMode", requested.networkMode());
        });
        return PRETTY.writeValueAsBytes(node);
    }

    static ContainerRecord read(byte[] bytes) throws IOException {
        JsonNode node = READER.readTree(bytes);
        if (node == null || node.path("format").asInt() != FORMAT) {
            throw new IOException("not a container record of format " + FORMAT);
        }
        try {
            JsonNode process = node.path("process");
            var sandboxProcess = new SandboxProcess(strings(process.path("args")), strings(process.path("env")),
                    text(process, "user"), text(process, "workingDir"), process.path("terminal").asBoolean(false));
            Map<String, String> labels = new LinkedHashMap<>();
            node.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode runtime = node.path("runtime");
            JsonNode snapshots = node.path("snapshots");
            return new ContainerRecord(text(node, "id"), text(node, "name"), text(node, "image"),
                    Digest.parse(text(node, "imageId")), sandboxProcess, Instant.parse(text(node, "created")), labels,
                    readNetwork(node), text(node, "hostname"),
                    node.path("seccomp").asBoolean(true), text(node, "stopSignal"), node.path("autoRemove").asBoolean(),
                    node.hasNonNull("logSizeMax") ? OptionalLong.of(node.path("logSizeMax").asLong()) : OptionalLong.empty(),
                    Optional.ofNullable(node.get("parent")).map(JsonNode::asText).map(Digest::parse),
                    new OwnerRecord.RuntimeLocation(text(runtime, "name"), Path.of(text(runtime, "executable")),
                            Path.of(text(runtime, "stateRoot"))),
                    new SnapshotterLocation(text(snapshots, "kind"), Path.of(text(snapshots, "root")),
                            snapshots.path("privileged").asBoolean()),
                    Optional.ofNullable(node.get("started")).map(JsonNode::asText).map(Instant::parse),
                    ContainerMountJson.mounts(node), ContainerMountJson.stopTimeout(node), HealthRecordJson.health(node),
                    HealthRecordJson.restart(node), node.path("restartCount").asInt(0),
                    node.path("stopRequested").asBoolean(false), requested(node.get("requested")));
        } catch (RuntimeException e) {
            throw new IOException("a malformed container record: " + e.getMessage(), e);
        }
    }

    /** {@code "requested"}, absent in records made before it. */
    private static Optional<RequestedConfig> requested(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new RequestedConfig(strings(node.path("entrypoint")), text(node, "networkMode")));
    }

    /** {@code -p}, aliases and the rest beside {@code "network"}, only when there are any. */
    private static void writeNetwork(ObjectNode node, NetworkOptions network) {
        if (network.equals(NetworkOptions.of(network.mode()))) {
            return;
        }
        ObjectNode options = node.putObject("networkOptions");
        strings(options.putArray("aliases"), network.aliases());
        network.ip().ifPresent(ip -> options.put("ip", ip));
        strings(options.putArray("publish"), network.publish());
        options.put("publishAll", network.publishAll());
        strings(options.putArray("addHosts"), network.addHosts());
        strings(options.putArray("dns"), network.dns());
        if (!network.more().isEmpty()) {
            ArrayNode more = options.putArray("more");
            for (NetworkJoin join : network.more()) {
                ObjectNode entry = more.addObject().put("network", join.network());
                strings(entry.putArray("aliases"), join.aliases());
                join.ip().ifPresent(ip -> entry.put("ip", ip));
            }
        }
    }

    /** Records made before bridge networks say {@code HOST} or {@code NONE}. */
    private static NetworkOptions readNetwork(JsonNode node) throws IOException {
        String mode = text(node, "network");
        mode = switch (mode) {
            case "HOST" -> NetworkOptions.HOST_MODE;
            case "NONE" -> NetworkOptions.NONE_MODE;
            default -> mode;
        };
        JsonNode options = node.path("networkOptions");
        return new NetworkOptions(mode, strings(options.path("aliases")),
                Optional.ofNullable(options.get("ip")).map(JsonNode::asText), strings(options.path("publish")),
                options.path("publishAll").asBoolean(), strings(options.path("addHosts")), strings(options.path("dns")),
                joins(options.path("more")));
    }

    /** The networks besides the first ({@code networkOptions.more}); none in records made before there could be. */
    private static List<NetworkJoin> joins(JsonNode array) throws IOException {
        List<NetworkJoin> joins = new ArrayList<>();
        for (JsonNode entry : array) {
            joins.add(new NetworkJoin(text(entry, "network"), strings(entry.path("aliases")),
                    Optional.ofNullable(entry.get("ip")).map(JsonNode::asText)));
        }
        return joins;
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("a container record without \"" + field + "\"");
        }
        return value.asText();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
