package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network a container sees ({@code --network}) and what goes with it, as Docker's flags give them.
 *
 * @param mode       {@code bridge} (the default network, Docker's default), {@code host}, {@code none}, or a user
 *                   network's name or id ({@code berth network create})
 * @param aliases    {@code --network-alias}: more names the container answers to on a user network
 * @param ip         {@code --ip}: its address on the network, else the next free one
 * @param publish    {@code -p [IP:][HOST:]CTR[/tcp|udp]} values, ranges allowed; host port 0 or none: one is chosen
 * @param publishAll {@code -P}: every port the image EXPOSEs, each to a host port chosen for it
 * @param addHosts   {@code --add-host NAME:IP} ({@code host-gateway} for the network's gateway)
 * @param dns        {@code --dns}: nameservers for the container's {@code /etc/resolv.conf}
 */
public record ContainerNetwork(String mode, List<String> aliases, Optional<String> ip, List<String> publish,
        boolean publishAll, List<String> addHosts, List<String> dns) {

    /** The host's network namespace. */
    public static final ContainerNetwork HOST = named("host");
    /** A namespace of its own with only a loopback device. */
    public static final ContainerNetwork NONE = named("none");
    /** The default bridge network: an address, outbound access, no DNS by name (as Docker's). */
    public static final ContainerNetwork BRIDGE = named("bridge");

    public ContainerNetwork {
        Objects.requireNonNull(mode, "mode");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ip, "ip");
        publish = List.copyOf(publish);
        addHosts = List.copyOf(addHosts);
        dns = List.copyOf(dns);
        // Docker's daemon refuses these; with --network host it drops -p and -P with a warning (the client's).
        if (mode.equals("none") && (!publish.isEmpty() || publishAll)) {
            throw new IllegalArgumentException("conflicting options: port publishing and the container type network mode");
        }
        if ((mode.equals("host") || mode.equals("none")) && (!aliases.isEmpty() || ip.isPresent())) {
            throw new IllegalArgumentException("--network " + mode
                    + ": network-scoped aliases and --ip are only supported for user-defined networks");
        }
    }

    /** {@code --network mode} with nothing else. */
    public static ContainerNetwork named(String mode) {
        return new ContainerNetwork(mode, List.of(), Optional.empty(), List.of(), false, List.of(), List.of());
    }
}
