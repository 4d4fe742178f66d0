package dev.berth.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * netavark 1.4's JSON: the network options its {@code setup} and {@code teardown} read on standard input, and the
 * status {@code setup} prints. Options: {@code container_id}, {@code container_name}, {@code networks} (per network
 * name: {@code interface_name}, {@code static_ips} — required, netavark does no IPAM — and {@code aliases}),
 * {@code network_info} (per network name, Podman's network config) and {@code port_mappings} ({@code host_ip},
 * {@code container_port}, {@code host_port}, {@code range}, {@code protocol}). Status: per network name,
 * {@code interfaces} (per interface, {@code mac_address} and {@code subnets} of {@code ipnet} and {@code gateway}),
 * {@code dns_server_ips} and {@code dns_search_domains}. A failure prints {@code {"error": "..."}}.
 */
final class NetavarkJson {

    // Readers and writers are immutable and thread-safe, unlike a mapper, which can be reconfigured.
    private static final ObjectReader READER = new ObjectMapper().reader();
    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private NetavarkJson() {
    }

    /** The interface a container gets on its {@code index}-th network. */
    static String interfaceName(int index) {
        return "eth" + index;
    }

    /**
     * Docker's MAC for an address: {@code 02:42} and the address's four bytes. A container made again at the address
     * of one removed gets the MAC it had, so the host's neighbour table, still holding it, reaches the new one at once
     * (a random MAC left connections to a published port hanging until the entry went stale).
     */
    static String macFor(Ipv4Address address) {
        int bits = address.bits();
        return "02:42:%02x:%02x:%02x:%02x".formatted(bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff,
                bits & 0xff);
    }

    /**
     * The options for {@code container} on {@code attachments}, at {@code addresses} (one per attachment). Every
     * network answers the container's name (netavark adds it) and short id, as Docker's user networks do, and the
     * attachment's aliases.
     */
    static byte[] options(ContainerRef container, List<Attachment> attachments, List<Ipv4Address> addresses,
            List<PortMapping> ports) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("container_id", container.id());
        root.put("container_name", container.name());
        ObjectNode networks = root.putObject("networks");
        ObjectNode info = root.putObject("network_info");
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            ObjectNode options = networks.putObject(attachment.network().name());
            options.put("interface_name", interfaceName(i));
            options.putArray("static_ips").add(addresses.get(i).toString());
            options.put("static_mac", macFor(addresses.get(i)));
            ArrayNode aliases = options.putArray("aliases");
            aliases.add(container.shortId());
            attachment.aliases().stream().filter(alias -> !alias.equals(container.name())).distinct()
                    .forEach(aliases::add);
            info.set(attachment.network().name(), NetworkFiles.netavarkConfig(attachment.network()));
        }
        ArrayNode mappings = root.putArray("port_mappings");
        for (PortMapping port : ports) {
            ObjectNode mapping = mappings.addObject();
            mapping.put("host_ip", port.hostIp());
            mapping.put("container_port", port.containerPort());
            mapping.put("host_port", port.hostPort());
            mapping.put("range", port.range());
            mapping.put("protocol", port.protocol().specName());
        }
        try {
            return PRETTY.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("encoding netavark options for " + container.name(), e);
        }
    }

    /** The port mappings of options {@link #options} wrote. */
    static List<PortMapping> ports(byte[] options) throws IOException {
        List<PortMapping> ports = new ArrayList<>();
        for (JsonNode mapping : READER.readTree(options).path("port_mappings")) {
            ports.add(new PortMapping(mapping.path("host_ip").asText(), mapping.path("host_port").asInt(),
                    mapping.path("container_port").asInt(), mapping.path("range").asInt(1),
                    TransportProtocol.named(mapping.path("protocol").asText()).orElseThrow()));
        }
        return List.copyOf(ports);
    }

    /** The endpoints in netavark's status answer, in attachment order. */
    static List<Endpoint> endpoints(String status, List<Attachment> attachments) throws IOException {
        JsonNode root = READER.readTree(status.getBytes(StandardCharsets.UTF_8));
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            String network = attachments.get(i).network().name();
            String interfaceName = interfaceName(i);
            JsonNode block = root.path(network);
            JsonNode iface = block.path("interfaces").path(interfaceName);
            JsonNode subnet = iface.path("subnets").path(0);
            String ipnet = subnet.path("ipnet").asText("");
            int slash = ipnet.indexOf('/');
            if (iface.isMissingNode() || slash < 0) {
                throw new IOException("no address for " + interfaceName + " on network " + network + " in " + status);
            }
            String gateway = subnet.path("gateway").asText("");
            List<Ipv4Address> dns = new ArrayList<>();
            block.path("dns_server_ips").forEach(ip -> {
                if (Ipv4Address.isValid(ip.asText())) {
                    dns.add(Ipv4Address.parse(ip.asText()));
                }
            });
            List<String> search = new ArrayList<>();
            block.path("dns_search_domains").forEach(domain -> search.add(domain.asText()));
            endpoints.add(new Endpoint(network, interfaceName, iface.path("mac_address").asText(""),
                    Ipv4Address.parse(ipnet.substring(0, slash)), Integer.parseInt(ipnet.substring(slash + 1)),
                    Ipv4Address.isValid(gateway) ? Optional.of(Ipv4Address.parse(gateway)) : Optional.empty(),
                    dns, search));
        }
        return List.copyOf(endpoints);
    }

    /** netavark's own error, {@code {"error": "..."}} on standard output, or the output as it is. */
    static String error(String stdout) {
        try {
            JsonNode error = READER.readTree(stdout).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON: show it as it is.
        }
        return stdout.strip();
    }
}
