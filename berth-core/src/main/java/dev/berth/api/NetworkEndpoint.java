package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One network a container joins, with what is scoped to it: {@code --network name=NET,alias=A,ip=IP} in Docker's
 * long form, or a Compose service's {@code networks:} entry.
 *
 * @param network the user network's name or id ({@code bridge}, {@code host} or {@code none} only as the first)
 * @param aliases more names the container answers to on this network
 * @param ip      its IPv4 address on this network, else the next free one
 */
public record NetworkEndpoint(String network, List<String> aliases, Optional<String> ip) {

    public NetworkEndpoint {
        Objects.requireNonNull(network, "network");
        if (network.isBlank()) {
            // Docker's client's message for a long form without name=.
            throw new IllegalArgumentException("network name/id is not specified");
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ip, "ip");
    }

    /** {@code network} with no alias and any free address. */
    public static NetworkEndpoint named(String network) {
        return new NetworkEndpoint(network, List.of(), Optional.empty());
    }
}
