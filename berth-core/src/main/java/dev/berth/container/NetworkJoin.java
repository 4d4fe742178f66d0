package dev.berth.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user network a container joins besides its first one, as given ({@code --network name=NET,alias=A,ip=IP}).
 *
 * @param network the network's name or id
 * @param aliases more names aardvark-dns answers for the container on this network
 * @param ip      the address asked for on it, else the next free one
 */
public record NetworkJoin(String network, List<String> aliases, Optional<String> ip) {

    public NetworkJoin {
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ip, "ip");
    }
}
