package dev.berth.container;

import dev.berth.sandbox.SandboxNetwork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's {@code --network} and its companions, as given (kept in the container record so that {@code start}
 * sets the same networking up again).
 *
 * @param mode       {@code host}, {@code none}, {@code bridge} (the default network), a user network's name or id, or
 *                   {@code container:ID}: the network namespace of another container, shared
 * @param aliases    {@code --network-alias}: more names aardvark-dns answers on a user network
 * @param ip         {@code --ip}: the address on the network, else the next free one
 * @param publish    {@code -p} values, as written ({@code 127.0.0.1:8080:80/tcp})
 * @param publishAll {@code -P}: every port the image EXPOSEs to a host port the allocator picks
 * @param addHosts   {@code --add-host NAME:IP} lines for {@code /etc/hosts}
 * @param dns        {@code --dns}: nameservers for {@code /etc/resolv.conf} instead of the network's
 * @param more       the user networks joined besides {@code mode}, in order (only when {@code mode} is one)
 */
public record NetworkOptions(String mode, List<String> aliases, Optional<String> ip, List<String> publish,
        boolean publishAll, List<String> addHosts, List<String> dns, List<NetworkJoin> more) {

    public static final String HOST_MODE = "host";
    public static final String NONE_MODE = "none";
    public static final String BRIDGE_MODE = "bridge";
    /** Docker's prefix of a mode that shares another container's network namespace: {@code container:NAME|ID}. */
    public static final String CONTAINER_PREFIX = "container:";

    /** The host's network. */
    public static final NetworkOptions HOST = of(HOST_MODE);
    /** Loopback only. */
    public static final NetworkOptions NONE = of(NONE_MODE);
    /** The default bridge network, Docker's default. */
    public static final NetworkOptions BRIDGE = of(BRIDGE_MODE);

    public NetworkOptions {
        Objects.requireNonNull(mode, "mode");
        if (mode.isEmpty() || mode.equals("default")) {
            mode = BRIDGE_MODE;
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ip, "ip");
        publish = List.copyOf(publish);
        addHosts = List.copyOf(addHosts);
        dns = List.copyOf(dns);
        more = List.copyOf(more);
    }

    /** On one network only. */
    public NetworkOptions(String mode, List<String> aliases, Optional<String> ip, List<String> publish,
            boolean publishAll, List<String> addHosts, List<String> dns) {
        this(mode, aliases, ip, publish, publishAll, addHosts, dns, List.of());
    }

    /**
     * Every network joined, first ({@code mode}, with its aliases and address) first; none for a container that
     * shares another's namespace (Docker's empty {@code NetworkSettings.Networks}).
     */
    public List<NetworkJoin> joins() {
        if (sharedContainer().isPresent()) {
            return List.of();
        }
        List<NetworkJoin> all = new java.util.ArrayList<>();
        all.add(new NetworkJoin(mode, aliases, ip));
        all.addAll(more);
        return List.copyOf(all);
    }

    /** The networks' names (or ids) as given, first first. */
    public List<String> networkNames() {
        return joins().stream().map(NetworkJoin::network).toList();
    }

    /** These options with {@code publish} instead of theirs. */
    public NetworkOptions withPublish(List<String> publish) {
        return new NetworkOptions(mode, aliases, ip, publish, publishAll, addHosts, dns, more);
    }

    /** {@code --network mode} and nothing else. */
    public static NetworkOptions of(String mode) {
        return new NetworkOptions(mode, List.of(), Optional.empty(), List.of(), false, List.of(), List.of());
    }

    /** The sandbox's network for {@code host} and {@code none}. */
    public SandboxNetwork unbridged() {
        if (bridged() || sharedContainer().isPresent()) {
            throw new IllegalStateException("network " + mode + " is neither host nor none");
        }
        return mode.equals(HOST_MODE) ? SandboxNetwork.HOST : SandboxNetwork.NONE;
    }

    /**
     * Whether the container gets a namespace of its own filled by netavark (a bridge network); not for one that
     * shares another container's namespace, which has nothing of netavark's to set up or tear down.
     */
    public boolean bridged() {
        return !mode.equals(HOST_MODE) && !mode.equals(NONE_MODE) && sharedContainer().isEmpty();
    }

    /** The container named by {@code container:NAME|ID}, whose network namespace this one joins; else empty. */
    public Optional<String> sharedContainer() {
        return mode.startsWith(CONTAINER_PREFIX) ? Optional.of(mode.substring(CONTAINER_PREFIX.length()))
                : Optional.empty();
    }

    /** These options sharing the namespace of the container {@code id} ({@code container:ID}, as Docker records it). */
    public NetworkOptions sharingWith(String id) {
        return new NetworkOptions(CONTAINER_PREFIX + id, aliases, ip, publish, publishAll, addHosts, dns, more);
    }
}
