package dev.berth.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One network as {@code berth network ls} and {@code inspect} show it.
 *
 * @param name       its name
 * @param id         64 hex digits
 * @param driver     {@code bridge}
 * @param bridge     the host's bridge device ({@code berthN})
 * @param subnet     the containers' addresses, CIDR
 * @param gateway    the bridge's address
 * @param internal   no outbound access
 * @param dnsEnabled whether containers find each other by name (off on the default {@code bridge}, as in Docker)
 * @param labels     its labels
 * @param created    when it was made
 * @param containers the containers holding an address on it now
 */
public record NetworkSummary(String name, String id, String driver, String bridge, String subnet, String gateway,
        boolean internal, boolean dnsEnabled, Map<String, String> labels, Instant created,
        List<AttachedContainer> containers) {

    public NetworkSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(gateway, "gateway");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(created, "created");
        containers = List.copyOf(containers);
    }

    /** The first 12 hex digits, as {@code network ls} prints the id. */
    public String shortId() {
        return id.substring(0, 12);
    }

    /**
     * A container on the network.
     *
     * @param id      the container's id
     * @param name    its name (its short id for a foreground run)
     * @param address its address, CIDR ({@code 10.87.1.2/24}), as Docker's {@code IPv4Address}
     */
    public record AttachedContainer(String id, String name, String address) {

        public AttachedContainer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }
}
