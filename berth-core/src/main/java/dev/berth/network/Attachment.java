package dev.berth.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container joining one network: {@code --network NAME}, {@code --network-alias}, {@code --ip}.
 *
 * @param network the network
 * @param aliases extra names aardvark-dns answers for the container on this network (its name and short id are
 *     always answered)
 * @param staticIp the address asked for, or empty to take the network's next free one
 */
public record Attachment(NetworkDefinition network, List<String> aliases, Optional<Ipv4Address> staticIp) {

    public Attachment {
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(staticIp, "staticIp");
        for (String alias : aliases) {
            if (alias.isEmpty() || alias.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
                throw new NetworkArgumentException(alias, "invalid network alias \"" + alias + "\"");
            }
        }
        if (staticIp.isPresent()) {
            Ipv4Address ip = staticIp.get();
            if (!network.subnet().isHost(ip) || ip.equals(network.gateway())) {
                // Docker's message for an address outside every subnet of the network.
                throw new NetworkArgumentException(ip.toString(),
                        "no configured subnet or ip-range contain the IP address " + ip);
            }
        }
    }

    /** Joining {@code network} with no alias and any free address. */
    public static Attachment to(NetworkDefinition network) {
        return new Attachment(network, List.of(), Optional.empty());
    }
}
