package dev.berth.network;

import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.store.FailureReason;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The networks of one store, one {@code NAME.json} file each under the root the caller gives ({@code <store>/networks/}),
 * with Docker's rules: unique valid names, a default {@code bridge} network that always exists and cannot be removed,
 * subnets that never overlap. Creating and removing hold an exclusive lock ({@code networks.lock}); reading needs
 * none, as every file is replaced atomically.
 */
public final class NetworkStore implements AutoCloseable {

    private static final String SUFFIX = ".json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Clock clock;
    private final SubnetPool pool;
    private final Predicate<String> hostHasInterface;
    private final Supplier<List<Ipv4Subnet>> hostRoutes;
    private final StoreLock lock;

    NetworkStore(Path root, Clock clock, SubnetPool pool, Supplier<List<Ipv4Subnet>> hostRoutes,
            Predicate<String> hostHasInterface) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.pool = pool;
        this.hostRoutes = hostRoutes;
        this.hostHasInterface = hostHasInterface;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("creating the network directory " + this.root + ": " + FailureReason.of(e), e);
        }
        this.lock = new StoreLock(this.root.resolve("networks.lock"));
    }

    /** The store under {@code root}, with the default {@code bridge} network created on first use. */
    public static NetworkStore open(Path root, Clock clock) {
        NetworkStore store = new NetworkStore(root, clock, SubnetPool.DEFAULT, HostRoutes::read,
                name -> Files.exists(Path.of("/sys/class/net", name)));
        store.ensureDefault();
        return store;
    }

    /** Creates the default network unless it exists. Docker's default bridge has no DNS by name; neither has this. */
    void ensureDefault() {
        if (Files.exists(file(NetworkDefinition.DEFAULT_NAME))) {
            return;
        }
        try (StoreLock.Held held = lock.exclusive()) {
            if (!Files.exists(file(NetworkDefinition.DEFAULT_NAME))) {
                write(define(NetworkDefinition.DEFAULT_NAME, Optional.empty(), Optional.empty(), false, false, Map.of()));
            }
        }
    }

    /** Every network, sorted by name. */
    public List<NetworkDefinition> list() {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)
                            && !path.getFileName().toString().startsWith("."))
                    .map(NetworkFiles::read).sorted(Comparator.comparing(NetworkDefinition::name)).toList();
        } catch (IOException e) {
            throw new StoreException("listing networks in " + root + ": " + FailureReason.of(e), e);
        }
    }

    /**
     * The network called {@code nameOrId}, or whose id is or starts with it, as Docker looks networks up.
     *
     * @throws NotFoundException {@code network NAME not found}
     * @throws ConflictException when an id prefix matches several networks
     */
    public NetworkDefinition get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new NotFoundException("network " + nameOrId + " not found"));
    }

    /** The network {@link #get} would return, or empty when there is none. */
    public Optional<NetworkDefinition> find(String nameOrId) {
        if (nameOrId.isEmpty()) {
            return Optional.empty();
        }
        List<NetworkDefinition> all = list();
        for (Predicate<NetworkDefinition> match : List.<Predicate<NetworkDefinition>>of(
                network -> network.id().equals(nameOrId), network -> network.name().equals(nameOrId))) {
            Optional<NetworkDefinition> found = all.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        List<NetworkDefinition> prefixed = all.stream().filter(network -> network.id().startsWith(nameOrId)).toList();
        if (prefixed.size() > 1) {
            throw new ConflictException("network " + nameOrId + " is ambiguous (" + prefixed.size()
                    + " matches found based on ID prefix)");
        }
        return prefixed.stream().findFirst();
    }

    /**
     * Creates a network with DNS by name, as Docker's user networks have.
     *
     * @throws NetworkArgumentException for a malformed name, or a gateway without a subnet or outside it
     * @throws ConflictException for a name in use or predefined, a subnet overlapping another network's, or no free subnet
     */
    public NetworkDefinition create(NetworkRequest request) {
        NetworkDefinition.checkName(request.name());
        if (NetworkDefinition.PREDEFINED.contains(request.name())) {
            throw new ConflictException("operation is not permitted on predefined " + request.name() + " network");
        }
        try (StoreLock.Held held = lock.exclusive()) {
            if (Files.exists(file(request.name()))) {
                throw new ConflictException("network with name " + request.name() + " already exists");
            }
            NetworkDefinition network = define(request.name(), request.subnet(), request.gateway(), request.internal(),
                    true, request.labels());
            write(network);
            return network;
        }
    }

    /**
     * Removes a network no container is attached to.
     *
     * @param attached the containers on it (the caller knows them: they are in its container records)
     * @throws ConflictException for the default network or one with containers, naming them
     */
    public void remove(String nameOrId, List<ContainerRef> attached) {
        try (StoreLock.Held held = lock.exclusive()) {
            NetworkDefinition network = get(nameOrId);
            if (network.isDefault()) {
                throw new ConflictException(network.name() + " is a pre-defined network and cannot be removed");
            }
            if (!attached.isEmpty()) {
                StringBuilder endpoints = new StringBuilder();
                for (ContainerRef container : attached) {
                    endpoints.append(endpoints.isEmpty() ? "" : ", ").append("name:\"").append(container.name())
                            .append("\" id:\"").append(container.shortId()).append('"');
                }
                throw new ConflictException("error while removing network: network " + network.name()
                        + " has active endpoints (" + endpoints + ")");
            }
            Files.delete(file(network.name()));
            NetworkFiles.syncDirectory(root);
        } catch (IOException e) {
            throw new StoreException("removing network " + nameOrId + ": " + FailureReason.of(e), e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }

    private NetworkDefinition define(String name, Optional<Ipv4Subnet> requestedSubnet,
            Optional<Ipv4Address> requestedGateway, boolean internal, boolean dns, Map<String, String> labels) {
        List<NetworkDefinition> existing = list();
        Ipv4Subnet subnet;
        if (requestedSubnet.isPresent()) {
            subnet = requestedSubnet.get();
            if (subnet.prefix() > 30) {
                throw new NetworkArgumentException(subnet.toString(),
                        "subnet " + subnet + " is too small: a network needs a /30 or larger (a gateway and a container)");
            }
            for (NetworkDefinition other : existing) {
                if (other.subnet().overlaps(subnet)) {
                    throw new ConflictException("invalid pool request: Pool overlaps with other one on this address "
                            + "space (" + subnet + " overlaps " + other.subnet() + " of network " + other.name() + ")");
                }
            }
        } else if (requestedGateway.isPresent()) {
            throw new NetworkArgumentException(requestedGateway.get().toString(),
                    "every ip-range or gateway must have a corresponding subnet");
        } else {
            List<Ipv4Subnet> taken = new ArrayList<>(hostRoutes.get());
            existing.forEach(network -> taken.add(network.subnet()));
            subnet = pool.allocate(taken);
        }
        Ipv4Address gateway = requestedGateway.orElse(subnet.base().plus(1));
        if (!subnet.contains(gateway)) {
            throw new NetworkArgumentException(gateway.toString(), "no matching subnet for gateway " + gateway);
        }
        if (!subnet.isHost(gateway)) {
            throw new NetworkArgumentException(gateway.toString(),
                    "gateway " + gateway + " is the network or broadcast address of " + subnet);
        }
        return new NetworkDefinition(name, newId(existing), NetworkDefinition.BRIDGE, freeInterface(existing), subnet,
                gateway, internal, dns, labels, clock.instant());
    }

    private static String newId(List<NetworkDefinition> existing) {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (existing.stream().noneMatch(network -> network.id().equals(id))) {
                return id;
            }
        }
    }

    private String freeInterface(List<NetworkDefinition> existing) {
        for (int n = 0; ; n++) {
            String name = "berth" + n;
            if (existing.stream().noneMatch(network -> network.interfaceName().equals(name))
                    && !hostHasInterface.test(name)) {
                return name;
            }
        }
    }

    private void write(NetworkDefinition network) {
        NetworkFiles.writeAtomically(file(network.name()), NetworkFiles.encode(network));
    }

    private Path file(String name) {
        return root.resolve(name + SUFFIX);
    }
}
