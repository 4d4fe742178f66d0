package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerRecord;
import dev.berth.network.Ipv4Address;
import dev.berth.network.Netavark;
import dev.berth.network.NetworkDefinition;
import dev.berth.container.NetworkJoin;
import dev.berth.container.NetworkOptions;
import dev.berth.network.NetworkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@link ContainerConfigFacts} from a container's record and, for its addresses, netavark's leases (the same
 * state {@code network inspect} reads), so {@code inspect} reports what holds now and never an invented address.
 */
final class InspectFacts {

    private InspectFacts() {
    }

    static ContainerConfigFacts of(ContainerRecord record, List<PortBinding> publish, BridgeAttachments bridges) {
        NetworkOptions network = record.network();
        return new ContainerConfigFacts(record.hostname(), record.process().user(), record.process().env(),
                record.process().workingDir(), record.process().terminal(), record.stopSignal(), record.stopTimeout(),
                record.autoRemove(), network.mode(), network.dns(), network.addHosts(),
                record.mounts().stream().map(InspectFacts::mount).toList(), publish, endpoints(record, bridges));
    }

    private static ContainerConfigFacts.Mount mount(ContainerMount mount) {
        return new ContainerConfigFacts.Mount(mount.type().name().toLowerCase(Locale.ROOT), mount.name().orElse(""),
                mount.hostPath().map(Object::toString).orElse(""), mount.target(), mount.readOnly(), mount.anonymous());
    }

    private static List<ContainerConfigFacts.Endpoint> endpoints(ContainerRecord record, BridgeAttachments bridges) {
        List<ContainerConfigFacts.Endpoint> endpoints = new ArrayList<>();
        if (!record.network().bridged()) {
            for (NetworkJoin join : record.network().joins()) {
                endpoints.add(new ContainerConfigFacts.Endpoint(join.network(), "", join.aliases(), "", 0, ""));
            }
            return List.copyOf(endpoints);
        }
        try (NetworkStore store = bridges.store(); Netavark netavark = bridges.netavark()) {
            for (NetworkJoin join : record.network().joins()) {
                Optional<NetworkDefinition> found = store.find(join.network());
                if (found.isEmpty()) {
                    // Removed since (docker network rm -f): Docker drops the entry too.
                    continue;
                }
                NetworkDefinition definition = found.get();
                Ipv4Address address = netavark.addresses(definition).get(record.id());
                endpoints.add(address == null
                        ? new ContainerConfigFacts.Endpoint(definition.name(), definition.id(), join.aliases(), "", 0, "")
                        : new ContainerConfigFacts.Endpoint(definition.name(), definition.id(), join.aliases(),
                                address.toString(), definition.subnet().prefix(), definition.gateway().toString()));
            }
        }
        return List.copyOf(endpoints);
    }
}
