package dev.berth.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code berth network create}: a bridge network with DNS by name.
 *
 * @param name     the new network's name
 * @param driver   {@code bridge}, the only one
 * @param subnet   {@code --subnet} in CIDR form; empty: one is chosen that overlaps no network and no host route
 * @param gateway  {@code --gateway}; empty: the subnet's first address (given alone it is an error, as in Docker)
 * @param internal {@code --internal}: no outbound access
 * @param labels   {@code --label}s
 */
public record NetworkCreateRequest(String name, String driver, Optional<String> subnet, Optional<String> gateway,
        boolean internal, Map<String, String> labels) {

    public NetworkCreateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(gateway, "gateway");
        labels = Map.copyOf(labels);
    }

    /** A network called {@code name} with everything chosen. */
    public static NetworkCreateRequest named(String name) {
        return new NetworkCreateRequest(name, "bridge", Optional.empty(), Optional.empty(), false, Map.of());
    }
}
