package dev.berth.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of a container's setups as kept in {@code <run>/containers/ID.json}, edited for {@code network
 * connect}/{@code disconnect} of a running container: a network joined later is set up alone (its own options, the
 * container's published ports, the next free {@code ethN}) and then merged in, so the one file still tears every
 * network down at once; a network left is torn down alone, with the ports, and taken out. The file stays what
 * {@link NetavarkJson#options} writes.
 *
 * <p>Why the ports go with every network: netavark forwards a published port to the container's address on each
 * network of the call (a DNAT chain per network, its rules named by network and container). Tearing one network
 * down without the ports left its chain behind, forwarding the port to an address the container no longer had:
 * the port stopped answering, and the rules outlived the container.
 */
final class SavedNetavarkOptions {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectNode root;

    SavedNetavarkOptions(byte[] options) throws IOException {
        JsonNode parsed = mapper.readTree(options);
        if (!(parsed instanceof ObjectNode object)) {
            throw new IOException("netavark options are not a JSON object");
        }
        this.root = object;
    }

    /** The networks set up, by name, in the file's order. */
    List<String> networks() {
        List<String> names = new ArrayList<>();
        root.path("networks").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /** The published ports, set up on every network of the file. */
    List<PortMapping> ports() throws IOException {
        return NetavarkJson.ports(bytes());
    }

    /** The first {@code ethN} no network of the file uses. */
    String freeInterface() {
        int next = 0;
        for (JsonNode network : root.path("networks")) {
            String name = network.path("interface_name").asText("");
            if (name.matches("eth\\d+")) {
                next = Math.max(next, Integer.parseInt(name.substring(3)) + 1);
            }
        }
        return NetavarkJson.interfaceName(next);
    }

    /** The options of {@code other} (one network's) with its interface renamed {@code interfaceName}. */
    static byte[] renamed(byte[] single, String interfaceName) throws IOException {
        var options = new SavedNetavarkOptions(single);
        for (JsonNode network : options.root.path("networks")) {
            ((ObjectNode) network).put("interface_name", interfaceName);
        }
        return options.bytes();
    }

    /** These options with {@code single}'s network (set up on its own) added. */
    byte[] with(byte[] single) throws IOException {
        var added = new SavedNetavarkOptions(single);
        ObjectNode copy = root.deepCopy();
        added.root.path("networks").properties().forEach(entry -> ((ObjectNode) copy.path("networks"))
                .set(entry.getKey(), entry.getValue()));
        added.root.path("network_info").properties().forEach(entry -> ((ObjectNode) copy.path("network_info"))
                .set(entry.getKey(), entry.getValue()));
        return write(copy);
    }

    /** The options that tear {@code network} alone down: its entries and the ports forwarded to it. */
    byte[] only(String network) throws IOException {
        ObjectNode copy = root.deepCopy();
        ((ObjectNode) copy.path("networks")).retain(network);
        ((ObjectNode) copy.path("network_info")).retain(network);
        return write(copy);
    }

    /** These options without {@code network}. */
    byte[] without(String network) throws IOException {
        ObjectNode copy = root.deepCopy();
        ((ObjectNode) copy.path("networks")).remove(network);
        ((ObjectNode) copy.path("network_info")).remove(network);
        return write(copy);
    }

    byte[] bytes() throws IOException {
        return write(root);
    }

    private byte[] write(ObjectNode node) throws IOException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }
}
