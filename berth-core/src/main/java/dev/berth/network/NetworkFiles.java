package dev.berth.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.StoreException;
import dev.berth.store.FailureReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network's file, {@code NAME.json}, in Podman's network config format (the object netavark's
 * {@code network_info} takes, plus {@code created} and {@code labels}), written atomically: a synced temp file
 * renamed over the old one, then the directory synced.
 */
final class NetworkFiles {

    // Readers and writers are immutable and thread-safe, unlike a mapper, which can be reconfigured.
    private static final ObjectReader READER = new ObjectMapper().reader();
    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private NetworkFiles() {
    }

    /** The JSON netavark reads for {@code network}: Podman's network config without Berth's extras. */
    static ObjectNode netavarkConfig(NetworkDefinition network) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", network.name());
        node.put("id", network.id());
        node.put("driver", network.driver());
        node.put("network_interface", network.interfaceName());
        ObjectNode subnet = node.putArray("subnets").addObject();
        subnet.put("subnet", network.subnet().toString());
        subnet.put("gateway", network.gateway().toString());
        node.put("ipv6_enabled", false);
        node.put("internal", network.internal());
        node.put("dns_enabled", network.dnsEnabled());
        node.putObject("ipam_options").put("driver", "host-local");
        // Docker's bridge networks cannot reach one another; netavark (1.4 too) drops traffic between isolated
        // bridges in its NETAVARK_ISOLATION_* chains, so every Berth network is one.
        node.putObject("options").put("isolate", "true");
        return node;
    }

    static byte[] encode(NetworkDefinition network) {
        ObjectNode node = netavarkConfig(network);
        node.remove("options");
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        // Podman's field order: name, id, driver, network_interface, created, then the rest.
        for (String field : new String[] {"name", "id", "driver", "network_interface"}) {
            file.set(field, node.get(field));
        }
        file.put("created", network.created().toString());
        file.setAll(node);
        if (!network.labels().isEmpty()) {
            ObjectNode labels = file.putObject("labels");
            network.labels().forEach(labels::put);
        }
        try {
            return (PRETTY.writeValueAsString(file) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("encoding network " + network.name(), e);
        }
    }

    static NetworkDefinition decode(byte[] json, Path file) {
        try {
            JsonNode node = READER.readTree(json);
            JsonNode subnet = node.path("subnets").path(0);
            Map<String, String> labels = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("labels").properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> label = it.next();
                labels.put(label.getKey(), label.getValue().asText());
            }
            return new NetworkDefinition(text(node, "name"), text(node, "id"), text(node, "driver"),
                    text(node, "network_interface"), Ipv4Subnet.parse(text(subnet, "subnet")),
                    Ipv4Address.parse(text(subnet, "gateway")), node.path("internal").asBoolean(),
                    node.path("dns_enabled").asBoolean(), labels, Instant.parse(text(node, "created")));
        } catch (IOException | RuntimeException e) {
            throw new StoreException("reading network file " + file + ": not a valid network config: "
                    + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return value.asText();
    }

    static NetworkDefinition read(Path file) {
        try {
            return decode(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new StoreException("reading network file " + file + ": " + FailureReason.of(e), e);
        }
    }

    /** Writes {@code content} to {@code target} so that readers see the old file or the new one, never part of one. */
    static void writeAtomically(Path target, byte[] content) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write failed already; that is the error to report.
            }
            throw new StoreException("writing network file " + target + ": " + FailureReason.of(e), e);
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
