package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerRecord;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.network.ContainerRef;
import dev.berth.network.Ipv4Address;
import dev.berth.network.Netavark;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkRequest;
import dev.berth.network.NetworkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The store's networks ({@code berth network create|ls|inspect|rm|prune}), reached by {@link Berth#networks()}:
 * bridge networks that netavark sets up for containers and aardvark-dns resolves container names on. The default
 * {@code bridge} network always exists. Which containers are on a network is read from the address leases, so it is
 * true across processes.
 */
public final class Networks {

    private final BridgeAttachments bridges;
    private final Supplier<List<ContainerRecord>> records;

    Networks(BridgeAttachments bridges, Supplier<List<ContainerRecord>> records) {
        this.bridges = bridges;
        this.records = records;
    }

    /**
     * {@code network create}.
     *
     * @throws dev.berth.error.ConflictException for a name in use or predefined, or an overlapping subnet
     * @throws dev.berth.error.InvalidInputException for a malformed name, subnet or gateway (Docker's messages)
     * @throws UnsupportedFeatureException for a driver other than bridge
     */
    public NetworkSummary create(NetworkCreateRequest request) {
        if (!request.driver().equals(NetworkDefinition.BRIDGE)) {
            throw new UnsupportedFeatureException("network driver " + request.driver()
                    + " is not supported: Berth has the bridge driver only");
        }
        try (NetworkStore store = bridges.store()) {
            NetworkDefinition created = store.create(NetworkRequest.parse(request.name(), request.subnet().orElse(null),
                    request.gateway().orElse(null), request.internal(), request.labels()));
            return summary(created, List.of());
        } catch (NetworkArgumentException e) {
            throw e.toInvalidFlag("argument");
        }
    }

    /** {@code network ls}: every network, by name. */
    public List<NetworkSummary> list() {
        List<ContainerRecord> known = records.get();
        try (NetworkStore store = bridges.store(); Netavark netavark = bridges.netavark()) {
            return store.list().stream().map(network -> summary(network, endpoints(netavark, network, known))).toList();
        }
    }

    /**
     * {@code network inspect}: by name, id or unique id prefix.
     *
     * @throws dev.berth.error.NotFoundException {@code network NAME not found}
     */
    public NetworkSummary inspect(String network) {
        try (NetworkStore store = bridges.store(); Netavark netavark = bridges.netavark()) {
            NetworkDefinition found = store.get(network);
            return summary(found, endpoints(netavark, found, records.get()));
        }
    }

    /**
     * {@code network rm}.
     *
     * @throws dev.berth.error.ConflictException for {@code bridge}, or a network containers are on (naming them)
     */
    public void remove(String network) {
        try (NetworkStore store = bridges.store(); Netavark netavark = bridges.netavark()) {
            NetworkDefinition found = store.get(network);
            List<ContainerRef> attached = new ArrayList<>();
            for (NetworkSummary.AttachedContainer container : endpoints(netavark, found, records.get())) {
                attached.add(new ContainerRef(container.id(), container.name()));
            }
            store.remove(found.id(), attached);
        }
    }

    /**
     * {@code network prune}: removes the user networks no container uses (none holds an address on it and no
     * container's record names it, stopped ones included, as Docker counts them). The names removed, sorted.
     */
    public List<String> prune() {
        List<ContainerRecord> known = records.get();
        List<String> removed = new ArrayList<>();
        try (NetworkStore store = bridges.store(); Netavark netavark = bridges.netavark()) {
            for (NetworkDefinition network : store.list()) {
                boolean named = known.stream().flatMap(record -> record.network().networkNames().stream())
                        .anyMatch(name -> name.equals(network.name()) || name.equals(network.id()));
                if (network.isDefault() || named || !netavark.addresses(network).isEmpty()) {
                    continue;
                }
                store.remove(network.id(), List.of());
                removed.add(network.name());
            }
        }
        return List.copyOf(removed);
    }

    /**
     * {@code network connect}: not supported. netavark 1.4 sets a container's networks up in one call and Berth
     * keeps that call's options for teardown; joining another network means tearing down and setting up again, which
     * a running container would notice. Run the container with {@code --network NAME} instead.
     */
    public void connect(String network, String container) {
        throw new UnsupportedFeatureException("network connect " + network + " " + container
                + ": not supported; a container joins its network when it starts (berth run --network " + network + ")");
    }

    /** {@code network disconnect}: not supported, for {@link #connect}'s reason. */
    public void disconnect(String network, String container) {
        throw new UnsupportedFeatureException("network disconnect " + network + " " + container
                + ": not supported; remove the container and run it on another network");
    }

    private static List<NetworkSummary.AttachedContainer> endpoints(Netavark netavark, NetworkDefinition network,
            List<ContainerRecord> known) {
        Map<String, String> names = new java.util.HashMap<>();
        known.forEach(record -> names.put(record.id(), record.name()));
        SortedMap<String, Ipv4Address> addresses = netavark.addresses(network);
        List<NetworkSummary.AttachedContainer> endpoints = new ArrayList<>();
        addresses.forEach((id, address) -> endpoints.add(new NetworkSummary.AttachedContainer(id,
                names.getOrDefault(id, id.substring(0, 12)), address + "/" + network.subnet().prefix())));
        return endpoints;
    }

    private static NetworkSummary summary(NetworkDefinition network, List<NetworkSummary.AttachedContainer> endpoints) {
        return new NetworkSummary(network.name(), network.id(), network.driver(), network.interfaceName(),
                network.subnet().toString(), network.gateway().toString(), network.internal(), network.dnsEnabled(),
                network.labels(), network.created(), endpoints);
    }
}
