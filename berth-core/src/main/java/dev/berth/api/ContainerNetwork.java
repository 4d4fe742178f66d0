package dev.berth.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The networks a container sees ({@code --network}, repeatable) and what goes with them, as Docker's flags give them.
 * The first network is {@code mode} (with {@code aliases} and {@code ip}); any others are {@code more}, each with its
 * own aliases and address. Published ports go through the first network.
 *
 * @param mode       {@code bridge} (the default network, Docker's default), {@code host}, {@code none}, a user
 *                   network's name or id ({@code berth network create}), or {@code container:NAME|ID}: the network
 *                   namespace of a running container, shared (the other flags then refused as Docker refuses them)
 * @param aliases    {@code --network-alias}: more names the container answers to on the first network
 * @param ip         {@code --ip}: its address on the first network, else the next free one
 * @param publish    {@code -p [IP:][HOST:]CTR[/tcp|udp]} values, ranges allowed; host port 0 or none: one is chosen
 * @param publishAll {@code -P}: every port the image EXPOSEs, each to a host port chosen for it
 * @param addHosts   {@code --add-host NAME:IP} ({@code host-gateway} for the first network's gateway)
 * @param dns        {@code --dns}: nameservers for the container's {@code /etc/resolv.conf}
 * @param more       the user networks joined besides {@code mode}, in order; only when {@code mode} is a user network
 */
public record ContainerNetwork(String mode, List<String> aliases, Optional<String> ip, List<String> publish,
        boolean publishAll, List<String> addHosts, List<String> dns, List<NetworkEndpoint> more) {

    /** The host's network namespace. */
    public static final ContainerNetwork HOST = named("host");
    /** A namespace of its own with only a loopback device. */
    public static final ContainerNetwork NONE = named("none");
    /** The default bridge network: an address, outbound access, no DNS by name (as Docker's). */
    public static final ContainerNetwork BRIDGE = named("bridge");

    /** No {@code --network} given: the default bridge, which {@code inspect} shows as Docker's {@code default}. */
    public static final ContainerNetwork DEFAULT = named("default");

    // Docker's daemon's messages (runconfig.ErrConflictHostNetwork, ErrConflictNoNetwork) and its client's.
    static final String HOST_CONFLICT = "container cannot be disconnected from host network or connected to host network";
    static final String NONE_CONFLICT =
            "container cannot be connected to multiple networks with one of the networks in private (none) mode";
    static final String BRIDGE_CONFLICT =
            "conflicting options: cannot attach both user-defined and non-user-defined network-modes";

    public ContainerNetwork {
        Objects.requireNonNull(mode, "mode");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ip, "ip");
        publish = List.copyOf(publish);
        addHosts = List.copyOf(addHosts);
        dns = List.copyOf(dns);
        more = List.copyOf(more);
        // Docker's daemon refuses these; with --network host it drops -p and -P with a warning (the client's).
        if (mode.equals("none") && (!publish.isEmpty() || publishAll)) {
            throw new IllegalArgumentException("conflicting options: port publishing and the container type network mode");
        }
        if ((mode.equals("host") || mode.equals("none")) && (!aliases.isEmpty() || ip.isPresent())) {
            throw new IllegalArgumentException("--network " + mode
                    + ": network-scoped aliases and --ip are only supported for user-defined networks");
        }
        if (!more.isEmpty()) {
            checkSeveral(mode, more);
        }
    }

    /** The first seven components, joining no other network. */
    public ContainerNetwork(String mode, List<String> aliases, Optional<String> ip, List<String> publish,
            boolean publishAll, List<String> addHosts, List<String> dns) {
        this(mode, aliases, ip, publish, publishAll, addHosts, dns, List.of());
    }

    /** {@code --network mode} with nothing else. */
    public static ContainerNetwork named(String mode) {
        return new ContainerNetwork(mode, List.of(), Optional.empty(), List.of(), false, List.of(), List.of());
    }

    /**
     * The networks {@code endpoints}, the first as {@code mode} (it takes {@code publish}); none is the default
     * {@code bridge}.
     *
     * @throws IllegalArgumentException as the constructor does, with Docker's messages
     */
    public static ContainerNetwork joining(List<NetworkEndpoint> endpoints, List<String> publish) {
        if (endpoints.isEmpty()) {
            return new ContainerNetwork("bridge", List.of(), Optional.empty(), publish, false, List.of(), List.of());
        }
        NetworkEndpoint first = endpoints.getFirst();
        return new ContainerNetwork(first.network(), first.aliases(), first.ip(), publish, false, List.of(), List.of(),
                endpoints.subList(1, endpoints.size()));
    }

    /** Every network joined, first first: {@code mode} with its aliases and address, then {@link #more}. */
    public List<NetworkEndpoint> endpoints() {
        List<NetworkEndpoint> all = new ArrayList<>();
        all.add(new NetworkEndpoint(mode.isEmpty() ? "bridge" : mode, aliases, ip));
        all.addAll(more);
        return List.copyOf(all);
    }

    /** A container on several networks: all user networks, each once. */
    private static void checkSeveral(String mode, List<NetworkEndpoint> more) {
        List<String> names = new ArrayList<>();
        names.add(mode);
        more.forEach(endpoint -> names.add(endpoint.network()));
        if (names.contains("host")) {
            throw new IllegalArgumentException(HOST_CONFLICT);
        }
        if (names.contains("none")) {
            throw new IllegalArgumentException(NONE_CONFLICT);
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String network = name.isEmpty() || name.equals("default") ? "bridge" : name;
            if (!seen.add(network)) {
                throw new IllegalArgumentException("network \"" + network + "\" is specified multiple times");
            }
        }
        if (seen.contains("bridge")) {
            throw new IllegalArgumentException(BRIDGE_CONFLICT);
        }
    }
}
