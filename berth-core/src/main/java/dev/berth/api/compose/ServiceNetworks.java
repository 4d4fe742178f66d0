package dev.berth.api.compose;

import dev.berth.api.ContainerNetwork;
import dev.berth.api.NetworkEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a service's container is networked: its {@code network_mode} (another container's namespace for
 * {@code service:X} and {@code container:X}), else every network it lists, in Compose's
 * priority order (the first one publishes the ports), each with the aliases Docker Compose gives the endpoint: the
 * container's name, then (unless it is a one-off container) the service's name and the network's aliases; no network
 * at all is {@code none}.
 */
final class ServiceNetworks {

    private ServiceNetworks() {
    }

    /**
     * @param networkMode the service's {@code network_mode} as the container gets it ({@code service:X} already
     *                    {@code container:ID}: {@link SharedNamespaces#networkMode})
     */
    static ContainerNetwork of(ServiceSpec spec, Optional<String> networkMode, String containerName,
            boolean serviceAliases) {
        if (networkMode.isPresent()) {
            String mode = networkMode.get();
            if (mode.startsWith(SharedNamespaces.CONTAINER_PREFIX)) {
                // Nothing of its own: the reader has refused ports and extra_hosts beside it, as Docker does.
                return ContainerNetwork.named(mode);
            }
            return new ContainerNetwork(mode, List.of(), Optional.empty(),
                    mode.equals("bridge") ? spec.publish() : List.of(), false, spec.extraHosts(), List.of());
        }
        if (spec.networks().isEmpty()) {
            return new ContainerNetwork("none", List.of(), Optional.empty(), List.of(), false, spec.extraHosts(),
                    List.of());
        }
        List<NetworkEndpoint> endpoints = new ArrayList<>();
        for (ServiceSpec.NetworkAttachment network : spec.networks()) {
            List<String> aliases = new ArrayList<>();
            aliases.add(containerName);
            if (serviceAliases) {
                Stream.concat(Stream.of(spec.name()), network.aliases().stream())
                        .filter(alias -> !aliases.contains(alias)).forEach(aliases::add);
            }
            endpoints.add(new NetworkEndpoint(network.name(), aliases, network.ipv4Address()));
        }
        ContainerNetwork joined = ContainerNetwork.joining(endpoints, spec.publish());
        return new ContainerNetwork(joined.mode(), joined.aliases(), joined.ip(), joined.publish(), false,
                spec.extraHosts(), List.of(), joined.more());
    }
}
