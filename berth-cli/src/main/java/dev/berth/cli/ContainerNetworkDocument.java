package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerDetails;
import dev.berth.api.PortBinding;
import java.util.List;

/**
 * {@code docker inspect}'s {@code NetworkSettings} for a container (Docker 20.10's order): the published ports as
 * Docker's map, and one {@code Networks} entry per network the container is on, with the address netavark leased.
 * The top-level address members are filled for the default bridge only, as Docker does.
 */
final class ContainerNetworkDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerNetworkDocument() {
    }

    static ObjectNode networkSettings(ContainerDetails details) {
        ContainerConfigFacts facts = details.config();
        ObjectNode settings = NODES.objectNode();
        settings.put("Bridge", "");
        settings.put("SandboxID", "");
        settings.put("HairpinMode", false);
        settings.put("LinkLocalIPv6Address", "");
        settings.put("LinkLocalIPv6PrefixLen", 0);
        ObjectNode ports = settings.putObject("Ports");
        for (PortBinding port : facts.publish()) {
            ArrayNode list = ports.has(portKey(port)) ? (ArrayNode) ports.get(portKey(port))
                    : ports.putArray(portKey(port));
            list.addObject().put("HostIp", port.hostIp()).put("HostPort", Integer.toString(port.hostPort()));
        }
        settings.put("SandboxKey", "");
        settings.putNull("SecondaryIPAddresses");
        settings.putNull("SecondaryIPv6Addresses");
        ContainerConfigFacts.Endpoint bridge = facts.networks().stream()
                .filter(endpoint -> endpoint.network().equals("bridge")).findFirst()
                .orElse(new ContainerConfigFacts.Endpoint("", "", List.of(), "", 0, ""));
        settings.put("EndpointID", "");
        settings.put("Gateway", bridge.gateway());
        settings.put("GlobalIPv6Address", "");
        settings.put("GlobalIPv6PrefixLen", 0);
        settings.put("IPAddress", bridge.ipAddress());
        settings.put("IPPrefixLen", bridge.prefixLen());
        settings.put("IPv6Gateway", "");
        settings.put("MacAddress", "");
        ObjectNode networks = settings.putObject("Networks");
        for (ContainerConfigFacts.Endpoint endpoint : facts.networks()) {
            networks.set(endpoint.network(), endpoint(endpoint, details.summary().shortId()));
        }
        return settings;
    }

    private static ObjectNode endpoint(ContainerConfigFacts.Endpoint endpoint, String shortId) {
        ObjectNode node = NODES.objectNode();
        node.putNull("IPAMConfig");
        node.putNull("Links");
        if (isUserNetwork(endpoint.network())) {
            // Docker 20.10 lists the user's aliases, then the short ID, on a user network.
            ArrayNode aliases = node.putArray("Aliases");
            endpoint.aliases().forEach(aliases::add);
            aliases.add(shortId);
        } else {
            ContainerDocument.strings(node, "Aliases", endpoint.aliases());
        }
        node.put("NetworkID", endpoint.networkId());
        node.put("EndpointID", "");
        node.put("Gateway", endpoint.gateway());
        node.put("IPAddress", endpoint.ipAddress());
        node.put("IPPrefixLen", endpoint.prefixLen());
        node.put("IPv6Gateway", "");
        node.put("GlobalIPv6Address", "");
        node.put("GlobalIPv6PrefixLen", 0);
        node.put("MacAddress", "");
        node.putNull("DriverOpts");
        return node;
    }

    private static boolean isUserNetwork(String network) {
        return !List.of("bridge", "host", "none").contains(network);
    }

    /** Docker's port map key: {@code 5000/tcp}. */
    static String portKey(PortBinding port) {
        return port.containerPort() + "/" + port.protocol();
    }
}
