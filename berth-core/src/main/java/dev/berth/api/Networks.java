package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerRecord;
import dev.berth.container.ContainerRecords;
import dev.berth.container.NetworkReconnection;
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
import java.util.Optional;
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
    private final NetworkReconnection reconnection;
    private final ContainerRecords containers;

    Networks(BridgeAttachments bridges, Supplier<List<ContainerRecord>> records, ContainerRecords containers) {
        this.bridges = bridges;
        this.records = records;
        this.containers = containers;
        this.reconnection = new NetworkReconnection(containers, Optional.of(bridges));
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

    /** {@code network connect NETWORK CONTAINER}, with no alias and any free address: {@link #connect(String, String, List, Optional)}. */
    public void connect(String network, String container) {
        connect(network, container, List.of(), Optional.empty());
    }

    /**
     * {@code network connect [--alias A]... [--ip IP] NETWORK CONTAINER}: a running container joins {@code network}
     * at once (netavark sets it up in its namespace; its aardvark-dns answers the name and aliases), and every later
     * start joins it as well, with {@code aliases} and {@code ip} on it.
     *
     * @throws dev.berth.error.NotFoundException for an unknown network or container
     * @throws dev.berth.error.ConflictException for a container on the network already, or an address in use
     * @throws UnsupportedFeatureException for a container on {@code host}, {@code none} or the default bridge, or
     *     one sharing another container's namespace
     */
    public void connect(String network, String container, List<String> aliases, Optional<String> ip) {
        try (NetworkStore store = bridges.store()) {
            NetworkDefinition definition = store.get(network);
            if (containers.find(container).network().sharedContainer().isPresent()) {
                // Docker's daemon's words (runconfig.ErrConflictSharedNetwork).
                throw new UnsupportedFeatureException("container sharing network namespace with another container or"
                        + " host cannot be connected to any other network");
            }
            reconnection.connect(store, definition, container, aliases, ip);
        }
    }

    /**
     * {@code network disconnect NETWORK CONTAINER}: a running container leaves {@code network} at once (torn down
     * alone, its address released); one not running leaves it for its next start, and the next network becomes its
     * first when it leaves its first.
     *
     * @throws dev.berth.error.ConflictException for a container not on the network, or its only one
     * @throws UnsupportedFeatureException for the first network of a running container
     */
    public void disconnect(String network, String container) {
        try (NetworkStore store = bridges.store()) {
            reconnection.disconnect(store, store.get(network), container);
        }
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
