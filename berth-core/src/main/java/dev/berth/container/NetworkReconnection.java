package dev.berth.container;

import dev.berth.error.ConflictException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code network connect} and {@code disconnect}: for a container that is not running (created or exited), its
 * record's networks change and its next {@code start} sets them all up in one netavark call; for a running one
 * (given {@code bridges}), the network is also set up or torn down at once ({@link LiveReconnection}).
 *
 * @param records the store's container records
 * @param bridges the networks and netavark's state; empty: a running container is refused
 */
public record NetworkReconnection(ContainerRecords records, Optional<BridgeAttachments> bridges) {

    public NetworkReconnection {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(bridges, "bridges");
    }

    /** For containers that are not running only. */
    public NetworkReconnection(ContainerRecords records) {
        this(records, Optional.empty());
    }

    /**
     * Adds {@code network} (already looked up in {@code store}) to the container's networks, with {@code aliases}
     * and {@code ip} on it.
     *
     * @throws ConflictException for a running container without {@code bridges}, or one on the network already
     * @throws UnsupportedFeatureException for a container on {@code host}, {@code none} or the default bridge
     */
    public void connect(NetworkStore store, NetworkDefinition network, String reference, List<String> aliases,
            Optional<String> ip) {
        String id = records.find(reference).id();
        guarded(id, () -> connectLocked(store, network, records.find(id), aliases, ip));
    }

    private void connectLocked(NetworkStore store, NetworkDefinition network, ContainerRecord record,
            List<String> aliases, Optional<String> ip) {
        boolean running = running(record, "connect", network);
        NetworkOptions options = record.network();
        switch (options.mode()) {
            // Docker's daemon's words (runconfig.ErrConflictHostNetwork, ErrConflictNoNetwork).
            case NetworkOptions.HOST_MODE -> throw new UnsupportedFeatureException(
                    "container cannot be disconnected from host network or connected to host network");
            case NetworkOptions.NONE_MODE -> throw new UnsupportedFeatureException(
                    "container cannot be connected to multiple networks with one of the networks in private (none) mode");
            default -> {
                if (network.isDefault() || store.get(options.mode()).isDefault()) {
                    throw new UnsupportedFeatureException("network connect " + network.name() + " " + record.name()
                            + ": Berth joins several networks only when all are user networks (not the default bridge)");
                }
            }
        }
        if (indexOf(store, options, network) >= 0) {
            throw new ConflictException("endpoint with name " + record.name() + " already exists in network "
                    + network.name());
        }
        List<NetworkJoin> more = new ArrayList<>(options.more());
        var join = new NetworkJoin(network.name(), aliases, ip);
        more.add(join);
        var after = new NetworkOptions(options.mode(), options.aliases(), options.ip(), options.publish(),
                options.publishAll(), options.addHosts(), options.dns(), more);
        if (running) {
            new LiveReconnection(records, bridges.orElseThrow()).connect(record, network, join, after);
        } else {
            records.write(record.withNetwork(after));
        }
    }

    /**
     * Removes {@code network} from the container's networks; when it was the first, the next one becomes the first
     * (and takes the published ports).
     *
     * @throws ConflictException for a running container without {@code bridges}, one not on the network, or its
     *                           only network
     * @throws UnsupportedFeatureException for the first network of a running container
     */
    public void disconnect(NetworkStore store, NetworkDefinition network, String reference) {
        String id = records.find(reference).id();
        guarded(id, () -> disconnectLocked(store, network, records.find(id)));
    }

    private void disconnectLocked(NetworkStore store, NetworkDefinition network, ContainerRecord record) {
        boolean running = running(record, "disconnect", network);
        NetworkOptions options = record.network();
        int index = options.bridged() ? indexOf(store, options, network) : -1;
        if (index < 0) {
            throw new ConflictException("container " + record.id() + " is not connected to network " + network.name());
        }
        if (options.more().isEmpty()) {
            throw new ConflictException("network disconnect " + network.name() + " " + record.name()
                    + ": it is the container's only network (Berth keeps one; remove the container and run it with"
                    + " --network none instead)");
        }
        List<NetworkJoin> joins = new ArrayList<>(options.joins());
        joins.remove(index);
        NetworkJoin first = joins.removeFirst();
        var after = new NetworkOptions(first.network(), first.aliases(), first.ip(), options.publish(),
                options.publishAll(), options.addHosts(), options.dns(), joins);
        if (running) {
            new LiveReconnection(records, bridges.orElseThrow()).disconnect(record, network, index, after);
        } else {
            records.write(record.withNetwork(after));
        }
    }

    /**
     * Runs {@code change} under the container's restart lock, given the record read under it: a restart by policy
     * (which sets the record's networks up again and writes the record) and two changes of one container's networks
     * then come one after the other, and none writes back a record read before another's write.
     */
    private void guarded(String id, Runnable change) {
        RestartOnExit.guarded(records.directory(id), () -> {
            change.run();
            return null;
        });
    }

    /** Whether the container runs now; refused when it does and there is no netavark to change it with. */
    private boolean running(ContainerRecord record, String verb, NetworkDefinition network) {
        boolean running = ContainerPhases.read(record, records.directory(record.id())).isRunning();
        if (running && bridges.isEmpty()) {
            throw new ConflictException("network " + verb + " " + network.name() + " " + record.name()
                    + ": not supported for a running container here; stop it first");
        }
        return running;
    }

    /** Where {@code network} is among the container's networks (named or by id, as given), or -1. */
    private static int indexOf(NetworkStore store, NetworkOptions options, NetworkDefinition network) {
        List<String> names = options.networkNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals(network.name()) || name.equals(network.id())
                    || store.find(name).map(found -> found.id().equals(network.id())).orElse(false)) {
                return i;
            }
        }
        return -1;
    }
}
