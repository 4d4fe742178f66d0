package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerRecord;
import dev.berth.container.RequestedConfig;
import dev.berth.image.ContainerConfig;
import dev.berth.network.PublishedPort;
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

    /**
     * @param publish what the container publishes now
     * @param image   its image's config, when the store still has it (for the Entrypoint of older records and
     *                {@code ExposedPorts})
     */
    static ContainerConfigFacts of(ContainerRecord record, List<PortBinding> publish, BridgeAttachments bridges,
            Optional<ContainerConfig> image) {
        NetworkOptions network = record.network();
        String networkMode = record.requested().map(RequestedConfig::networkMode).orElse(network.mode());
        return new ContainerConfigFacts(record.hostname(), record.process().user(), record.process().env(),
                record.process().workingDir(), record.process().terminal(), record.stopSignal(), record.stopTimeout(),
                record.autoRemove(), networkMode, network.dns(), network.addHosts(),
                record.mounts().stream().map(InspectFacts::mount).toList(), publish, endpoints(record, bridges),
                command(record, image), exposedPorts(record, image));
    }

    /**
     * Entrypoint and Cmd apart: the recorded Entrypoint, or for older records the image's when the process starts
     * with it (else {@code --entrypoint} replaced it: its first argument), as {@code commit} splits them.
     */
    static Optional<ContainerConfigFacts.Command> command(ContainerRecord record, Optional<ContainerConfig> image) {
        List<String> args = record.process().args();
        Optional<List<String>> entrypoint = record.requested().map(RequestedConfig::entrypoint)
                .or(() -> image.map(ContainerConfig::entrypoint)
                        .map(own -> startsWith(args, own) ? own : args.subList(0, Math.min(1, args.size()))));
        return entrypoint.filter(known -> startsWith(args, known)).map(known ->
                new ContainerConfigFacts.Command(known, args.subList(known.size(), args.size())));
    }

    /** Docker's {@code Config.ExposedPorts}: the image's EXPOSEs and every published container port, sorted. */
    static List<String> exposedPorts(ContainerRecord record, Optional<ContainerConfig> image) {
        java.util.Set<String> ports = new java.util.TreeSet<>();
        image.ifPresent(config -> config.exposedPorts().forEach(port -> ports.add(port.contains("/") ? port : port + "/tcp")));
        for (String spec : record.network().publish()) {
            try {
                PublishedPort port = PublishedPort.parse(spec);
                for (int number = port.containerStart(); number <= port.containerEnd(); number++) {
                    ports.add(number + "/" + port.protocol().specName());
                }
            } catch (RuntimeException malformed) {
                // Checked when the container was made; a record from elsewhere is shown without it.
            }
        }
        return List.copyOf(ports);
    }

    private static boolean startsWith(List<String> args, List<String> prefix) {
        return args.size() >= prefix.size() && args.subList(0, prefix.size()).equals(prefix);
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
