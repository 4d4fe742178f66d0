package dev.berth.container;

import dev.berth.sandbox.SandboxNetwork;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a detached container is networked, whatever its mode: bridge networks through netavark
 * ({@link BridgeAttachments}), another container's namespace ({@link NetworkNamespaceSharing}), or {@code host} and
 * {@code none}. Resolved once before the container's record is written (what the record keeps), set up after, and set
 * up again at each start.
 */
record DetachedNetworking(BridgeAttachments bridges, NetworkNamespaceSharing sharing) {

    DetachedNetworking {
        Objects.requireNonNull(bridges, "bridges");
        Objects.requireNonNull(sharing, "sharing");
    }

    /**
     * The network a new container is made with, as its record keeps it.
     *
     * @param options  {@code -P} turned into {@code -p}s; {@code container:NAME} turned into Docker's
     *                 {@code container:FULL-ID}
     * @param hostname the one asked for, the container ID's first 12 digits, or the shared container's
     * @param shared   the namespace and files of the shared container, when it shares one
     */
    record Resolved(NetworkOptions options, String hostname, Optional<SandboxNetwork.Shared> shared) {

        Resolved {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(shared, "shared");
        }
    }

    /**
     * @throws dev.berth.network.NetworkArgumentException for options Docker refuses with {@code container:X}
     * @throws dev.berth.error.NotFoundException          when X is no container
     * @throws dev.berth.error.ConflictException          when X does not run
     */
    Resolved resolve(NetworkOptions requested, Optional<String> hostname, Set<String> exposedPorts, String id) {
        NetworkNamespaceSharing.check(requested, hostname);
        Optional<String> target = requested.sharedContainer();
        if (target.isPresent()) {
            NetworkNamespaceSharing.Joining joining = sharing.join(target.get());
            return new Resolved(requested.sharingWith(joining.target().id()), joining.target().hostname(),
                    Optional.of(joining.network()));
        }
        return new Resolved(BridgeAttachments.resolvePublishAll(requested, exposedPorts),
                hostname.orElse(id.substring(0, 12)), Optional.empty());
    }

    /** Sets the network up for the container's first start (a bridge network's namespace filled by netavark). */
    SandboxNetwork attach(ContainerRecord record, Resolved resolved) {
        if (resolved.shared().isPresent()) {
            return resolved.shared().get();
        }
        NetworkOptions network = record.network();
        return network.bridged() ? bridges.attach(BridgeAttachments.reference(record), network, record.hostname())
                : network.unbridged();
    }

    /** Before a later start: bridge networks set up afresh, a shared namespace joined as it is now. */
    void attachAgain(ContainerRecord record, Path bundle) {
        sharing.rejoin(record, bundle);
        bridges.attachAgain(record, bundle);
    }
}
