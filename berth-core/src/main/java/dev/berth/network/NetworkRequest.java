package dev.berth.network;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code berth network create} asks for. Without a subnet, the store picks one that overlaps no other network
 * and no route of the host; without a gateway, the subnet's first host address.
 *
 * @param name the new network's name
 * @param subnet {@code --subnet}, or empty
 * @param gateway {@code --gateway}, or empty (given alone it is an error, as in Docker)
 * @param internal {@code --internal}
 * @param labels {@code --label}s
 */
public record NetworkRequest(String name, Optional<Ipv4Subnet> subnet, Optional<Ipv4Address> gateway,
        boolean internal, Map<String, String> labels) {

    public NetworkRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(gateway, "gateway");
        labels = Map.copyOf(labels);
    }

    /** A plain user network: subnet and gateway picked by the store, external access, no labels. */
    public static NetworkRequest named(String name) {
        return new NetworkRequest(name, Optional.empty(), Optional.empty(), false, Map.of());
    }

    /**
     * A request from the flags' text: {@code subnet} and {@code gateway} may be null or empty for "not given".
     *
     * @throws NetworkArgumentException with Docker's message for a malformed subnet or gateway
     */
    public static NetworkRequest parse(String name, String subnet, String gateway, boolean internal,
            Map<String, String> labels) {
        Optional<Ipv4Subnet> parsedSubnet = blank(subnet) ? Optional.empty() : Optional.of(Ipv4Subnet.parse(subnet));
        Optional<Ipv4Address> parsedGateway = blank(gateway) ? Optional.empty() : Optional.of(Ipv4Address.parse(gateway));
        return new NetworkRequest(name, parsedSubnet, parsedGateway, internal, labels);
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
