package dev.berth.container;

import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkNamespace;
import dev.berth.sandbox.BundleNetworkNamespace;
import dev.berth.sandbox.SandboxNetwork;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Containers run with {@code --network container:NAME|ID}: each joins the network namespace of another detached
 * container that runs now, through {@code /proc/PID/ns/net} of that container's first process, and sees that
 * container's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} (bind-mounted from its bundle)
 * and its hostname, as with Docker. Such a container has no netavark setup of its own, so there is nothing of its
 * network to tear down or sweep after a {@code kill -9}; the namespace lives while any process is in it, so stopping
 * or removing the other container leaves a running one in it (with what is left there: its loopback), as in Docker.
 *
 * @param records the store's containers, among which the shared one is looked up
 */
public record NetworkNamespaceSharing(ContainerRecords records) {

    /** How far a chain of containers sharing the namespace of a sharing container is followed for the files. */
    private static final int MAX_HOPS = 8;

    public NetworkNamespaceSharing {
        Objects.requireNonNull(records, "records");
    }

    /**
     * The container shared and how the sandbox joins it.
     *
     * @param target  the container whose namespace is joined (its full id is what the sharing one records)
     * @param network its namespace and {@code /etc} files
     */
    public record Joining(ContainerRecord target, SandboxNetwork.Shared network) {

        public Joining {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(network, "network");
        }
    }

    /**
     * Docker's refusals for a container on {@code container:X} (dockerd's {@code validateNetContainerMode} and its
     * endpoint checks), before anything is made; nothing for other modes.
     *
     * @param hostname {@code --hostname}, which the shared container's hostname replaces
     * @throws NetworkArgumentException with Docker's message
     */
    public static void check(NetworkOptions options, Optional<String> hostname) {
        Optional<String> target = options.sharedContainer();
        if (target.isEmpty()) {
            return;
        }
        String given = NetworkOptions.CONTAINER_PREFIX + target.get();
        if (target.get().isEmpty()) {
            throw new NetworkArgumentException(given, "invalid network mode: invalid container format container:<name|id>");
        }
        if (hostname.isPresent()) {
            throw new NetworkArgumentException(hostname.get(), "conflicting options: hostname and the network mode");
        }
        if (!options.dns().isEmpty()) {
            throw new NetworkArgumentException(options.dns().getFirst(), "conflicting options: dns and the network mode");
        }
        if (!options.addHosts().isEmpty()) {
            throw new NetworkArgumentException(options.addHosts().getFirst(),
                    "conflicting options: custom host-to-IP mapping and the network mode");
        }
        if (!options.publish().isEmpty() || options.publishAll()) {
            throw new NetworkArgumentException(options.publish().isEmpty() ? "-P" : options.publish().getFirst(),
                    "conflicting options: port publishing and the container type network mode");
        }
        if (!options.aliases().isEmpty()) {
            throw new NetworkArgumentException(options.aliases().getFirst(),
                    "network-scoped alias is supported only for containers in user defined networks");
        }
        if (options.ip().isPresent()) {
            throw new NetworkArgumentException(options.ip().get(),
                    "user specified IP address is supported on user defined networks only");
        }
        if (!options.more().isEmpty()) {
            throw new NetworkArgumentException(options.more().getFirst().network(),
                    "container sharing network namespace with another container or host cannot be connected to any"
                            + " other network");
        }
    }

    /**
     * The running container {@code reference} names, for a new container to join.
     *
     * @throws NotFoundException {@code No such container: X}
     * @throws ConflictException {@code cannot join network of a non running container: X} (Docker's words)
     */
    public Joining join(String reference) {
        ContainerRecord target = records.find(reference);
        ContainerPhase phase = ContainerPhases.read(target, records.directory(target.id()));
        if (phase instanceof ContainerPhase.Restarting) {
            throw new ConflictException("Container " + target.id() + " is restarting, wait until the container is running");
        }
        if (!(phase instanceof ContainerPhase.Running running)) {
            throw new ConflictException("cannot join network of a non running container: " + reference);
        }
        ContainerRecord owner = filesOwner(target);
        Path files = records.directory(owner.id()).bundle();
        // A namespace of a bridged container has a name that outlives any pid: joined by it, a pid reused between
        // this look and the runtime's create cannot lead the container into another process's namespace.
        Path namespace = owner.network().bridged() ? NetworkNamespace.of(BridgeAttachments.reference(owner)).path()
                : Path.of("/proc", Long.toString(running.pid()), "ns", "net");
        return new Joining(target, new SandboxNetwork.Shared(namespace, files.resolve("resolv.conf"),
                files.resolve("hostname"), files.resolve("hosts")));
    }

    /**
     * Before {@code start} (or a restart by policy) of a container sharing another's namespace: its bundle joins
     * that container's namespace as it is now; nothing for other containers.
     *
     * @throws NotFoundException    when the shared container was removed ({@code No such container: ID})
     * @throws ConflictException when it does not run, naming the container being started
     */
    public void rejoin(ContainerRecord record, Path bundle) {
        Optional<String> target = record.network().sharedContainer();
        if (target.isEmpty()) {
            return;
        }
        Joining joining;
        try {
            joining = join(target.get());
        } catch (ConflictException e) {
            throw new ConflictException("starting container " + record.name() + ": " + e.getMessage());
        }
        BundleNetworkNamespace.join(bundle, joining.network().namespace());
    }

    /**
     * The container whose bundle holds the {@code /etc} files: the shared one, or when that one shares a third
     * one's namespace in turn, that one's (it has none of its own), as far as they are still there.
     */
    private ContainerRecord filesOwner(ContainerRecord target) {
        ContainerRecord owner = target;
        for (int hop = 0; hop < MAX_HOPS && owner.network().sharedContainer().isPresent(); hop++) {
            try {
                owner = records.find(owner.network().sharedContainer().get());
            } catch (NotFoundException gone) {
                break;
            }
        }
        return owner;
    }
}
