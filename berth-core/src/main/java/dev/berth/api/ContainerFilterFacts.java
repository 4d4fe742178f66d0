package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerDirectory;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerRecord;
import dev.berth.container.NetworkJoin;
import dev.berth.container.NetworkOptions;
import dev.berth.image.Digest;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkStore;
import dev.berth.network.PortMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link ContainerSelection.Facts} read from the store for one {@code ps}: health files, netavark's options,
 * image configs and network definitions, each read only when a filter asks and images and networks once per call.
 */
final class ContainerFilterFacts implements ContainerSelection.Facts {

    private final ImageCatalog catalog;
    private final BridgeAttachments bridges;
    private final Path root;
    private final Function<ContainerRecord, List<PortMapping>> ports;
    private final Map<Digest, Set<String>> exposedByImage = new HashMap<>();
    private List<StoredImage> images;
    private List<NetworkDefinition> networks;

    /**
     * @param root  the store's {@code containers/}
     * @param ports the ports a running container publishes now
     */
    ContainerFilterFacts(ImageCatalog catalog, BridgeAttachments bridges, Path root,
            Function<ContainerRecord, List<PortMapping>> ports) {
        this.catalog = catalog;
        this.bridges = bridges;
        this.root = root;
        this.ports = ports;
    }

    @Override
    public String health(ContainerInfo info) {
        ContainerRecord record = info.record();
        if (record.health().isEmpty()) {
            return "none";
        }
        return RestartPolicies.health(ContainerDirectory.of(root, record.id())).map(ContainerHealth::status)
                .orElse("none");
    }

    @Override
    public List<PortMapping> published(ContainerInfo info) {
        return info.phase().isRunning() ? ports.apply(info.record()) : List.of();
    }

    @Override
    public Set<String> exposed(ContainerInfo info) {
        return exposedByImage.computeIfAbsent(info.record().imageId(), id -> images().stream()
                .filter(image -> image.id().equals(id)).findFirst()
                .map(image -> image.config().config().exposedPorts()).orElse(Set.of()));
    }

    @Override
    public List<ContainerSelection.NetworkRef> networks(ContainerRecord record) {
        List<ContainerSelection.NetworkRef> refs = new ArrayList<>();
        for (NetworkJoin join : record.network().joins()) {
            String mode = join.network();
            if (mode.equals(NetworkOptions.HOST_MODE) || mode.equals(NetworkOptions.NONE_MODE)) {
                refs.add(new ContainerSelection.NetworkRef(mode, ""));
                continue;
            }
            // By name or id as given; a network removed since is on the container no more, as in Docker.
            definition(mode).ifPresent(network -> refs.add(new ContainerSelection.NetworkRef(network.name(),
                    network.id())));
        }
        return List.copyOf(refs);
    }

    /**
     * The image the value names and every image built on it: the same layers first and the same history first
     * (an image made {@code FROM} it), as the legacy builder's parent chain and containerd's children say.
     */
    @Override
    public Set<Digest> imageFamily(String ancestor) {
        Optional<StoredImage> found;
        try {
            found = catalog.lookup(ancestor);
        } catch (dev.berth.error.NotFoundException ambiguous) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return Set.of();
        }
        StoredImage base = found.get();
        var layers = base.config().rootFs().diffIds();
        var history = base.config().history();
        Set<Digest> family = new HashSet<>();
        family.add(base.id());
        for (StoredImage image : images()) {
            var theirs = image.config();
            if (theirs.rootFs().diffIds().size() >= layers.size() && theirs.history().size() > history.size()
                    && theirs.rootFs().diffIds().subList(0, layers.size()).equals(layers)
                    && theirs.history().subList(0, history.size()).equals(history)) {
                family.add(image.id());
            }
        }
        return Set.copyOf(family);
    }

    private List<StoredImage> images() {
        if (images == null) {
            images = catalog.all();
        }
        return images;
    }

    /** As {@link NetworkStore#find}: id, name, then a unique id prefix; over the definitions read once. */
    private Optional<NetworkDefinition> definition(String nameOrId) {
        List<NetworkDefinition> all = definitions();
        Optional<NetworkDefinition> exact = all.stream().filter(network -> network.id().equals(nameOrId)).findFirst()
                .or(() -> all.stream().filter(network -> network.name().equals(nameOrId)).findFirst());
        if (exact.isPresent()) {
            return exact;
        }
        List<NetworkDefinition> prefixed = all.stream().filter(network -> network.id().startsWith(nameOrId)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    private List<NetworkDefinition> definitions() {
        if (networks == null) {
            try (NetworkStore store = bridges.store()) {
                networks = store.list();
            }
        }
        return networks;
    }
}
