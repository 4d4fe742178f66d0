package dev.berth.api.compose;

import dev.berth.api.ContainerNetwork;
import dev.berth.api.compose.ServiceSpec.NetworkAttachment;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows how a container joins its service's networks. The façade's {@link ContainerNetwork}
 * joins one user network today, so a service on several joins the first (in priority order) and a warning says so;
 * once {@code ContainerNetwork.joining(List<NetworkEndpoint>, List<String> publish)} is on the façade, this class
 * alone changes to give every endpoint.
 */
final class NetworkJoin {

    private NetworkJoin() {
    }

    /** How a container of {@code spec} named {@code container} is networked. */
    static ContainerNetwork of(ServiceSpec spec, String container, ComposeProgress progress) {
        if (spec.networkMode().isPresent()) {
            String mode = spec.networkMode().get();
            return new ContainerNetwork(mode, List.of(), java.util.Optional.empty(),
                    mode.equals("bridge") ? spec.publish() : List.of(), false, spec.extraHosts(), List.of());
        }
        if (spec.networks().isEmpty()) {
            return new ContainerNetwork("none", List.of(), java.util.Optional.empty(), List.of(), false,
                    spec.extraHosts(), List.of());
        }
        NetworkAttachment first = spec.networks().getFirst();
        if (spec.networks().size() > 1) {
            progress.warning("service " + spec.name() + ": " + container + " joins network " + first.name()
                    + " only; Berth cannot yet join "
                    + spec.networks().subList(1, spec.networks().size()).stream().map(NetworkAttachment::name).toList());
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(spec.name());
        first.aliases().stream().filter(alias -> !aliases.contains(alias)).forEach(aliases::add);
        return new ContainerNetwork(first.name(), aliases, first.ipv4Address(), spec.publish(), false,
                spec.extraHosts(), List.of());
    }
}
