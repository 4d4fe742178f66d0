package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.network.Attachment;
import dev.berth.network.ContainerRef;
import dev.berth.network.Ipv4Address;
import dev.berth.network.Netavark;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code network connect}/{@code disconnect} of a RUNNING container: netavark sets the one network up in (or tears
 * it down from) the container's namespace ({@link Netavark#join}, {@link Netavark#leave}), which also tells that
 * network's aardvark-dns the container's name and aliases at once; then the record's networks change (so
 * {@code start} and a restart set them all up again) and the container's {@code /etc/hosts} gets (or loses) its
 * address there, written in place since the file is bound into the running container.
 *
 * @param records the store's container records
 * @param bridges the networks and netavark's state
 */
record LiveReconnection(ContainerRecords records, BridgeAttachments bridges) {

    LiveReconnection {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(bridges, "bridges");
    }

    /** Joins {@code network} as {@code join} says, then records {@code after} (the options with it). */
    void connect(ContainerRecord record, NetworkDefinition network, NetworkJoin join, NetworkOptions after) {
        ContainerRef container = BridgeAttachments.reference(record);
        NetworkNamespace namespace = NetworkNamespace.of(container);
        var attachment = new Attachment(network, join.aliases(), join.ip().map(Ipv4Address::parse));
        Ipv4Address address;
        try (Netavark netavark = bridges.netavark()) {
            address = netavark.join(namespace, container, attachment);
        }
        try {
            records.write(record.withNetwork(after));
            editHosts(record, text -> text + address + "\t" + record.hostname() + "\n");
        } catch (RuntimeException e) {
            try (Netavark netavark = bridges.netavark()) {
                netavark.leave(namespace, container, network);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Leaves {@code network}, the container's {@code index}-th, then records {@code after}.
     *
     * @throws UnsupportedFeatureException for its first network, which holds its default route and published ports
     */
    void disconnect(ContainerRecord record, NetworkDefinition network, int index, NetworkOptions after) {
        if (index == 0) {
            throw new UnsupportedFeatureException(("network disconnect %s %s: it is the running container's first "
                    + "network, which carries its default route and published ports; stop the container first")
                    .formatted(network.name(), record.name()));
        }
        ContainerRef container = BridgeAttachments.reference(record);
        Ipv4Address address;
        try (Netavark netavark = bridges.netavark()) {
            address = netavark.addresses(network).get(record.id());
            netavark.leave(NetworkNamespace.of(container), container, network);
        }
        records.write(record.withNetwork(after));
        if (address != null) {
            String line = address + "\t";
            editHosts(record, text -> text.lines().filter(entry -> !entry.startsWith(line))
                    .map(entry -> entry + "\n").collect(Collectors.joining()));
        }
    }

    /** Rewrites the bundle's {@code hosts} in place (same inode: the container has it bound at {@code /etc/hosts}). */
    private void editHosts(ContainerRecord record, java.util.function.UnaryOperator<String> edit) {
        Path hosts = records.directory(record.id()).bundle().resolve("hosts");
        try {
            if (Files.isRegularFile(hosts)) {
                Files.writeString(hosts, edit.apply(Files.readString(hosts, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ExecutionException("updating /etc/hosts of container " + record.name() + ": " + e.getMessage(), e);
        }
    }
}
