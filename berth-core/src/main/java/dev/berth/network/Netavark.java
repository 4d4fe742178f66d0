package dev.berth.network;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.store.FailureReason;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Podman's network stack driven for Berth's containers: {@code netavark setup NETNS} makes the veth pair, the
 * {@code berthN} bridge, the iptables rules for NAT and published ports, and starts aardvark-dns (one process for
 * every DNS-enabled network, state in {@code <run>/aardvark-dns/}); {@code teardown} undoes it and stops aardvark-dns
 * when its last network empties. Berth adds what netavark leaves to its caller: addresses (netavark does no IPAM) and
 * host ports ({@link NetworkLeases}), and the options of each setup, kept in {@code <run>/containers/ID.json} because
 * teardown needs them again. Calls are serialised by {@code <run>/netavark.lock}, across processes.
 */
public final class Netavark implements AutoCloseable {

    /** Where Debian's {@code netavark} package puts the binary. */
    public static final Path BINARY = Path.of("/usr/lib/podman/netavark");
    /** Where Debian's {@code aardvark-dns} package puts the binary. */
    public static final Path AARDVARK_BINARY = Path.of("/usr/lib/podman/aardvark-dns");
    /** Berth's runtime network state when running as root: on tmpfs, gone with a reboot like the namespaces. */
    public static final Path RUN_DIRECTORY = Path.of("/run/berth/networks");

    private final Path binary;
    private final Path aardvark;
    private final Path run;
    private final NetworkLeases leases;
    private final StoreLock lock;

    /** netavark at {@code binary}, starting {@code aardvark}, with state under {@code run}. */
    public Netavark(Path binary, Path aardvark, Path run) {
        this(binary, aardvark, run, PortProbe.binding(), PortProbe.ephemeralRange());
    }

    Netavark(Path binary, Path aardvark, Path run, PortProbe probe, int[] ephemeral) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.aardvark = Objects.requireNonNull(aardvark, "aardvark");
        this.run = run.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.run.resolve("containers"));
        } catch (IOException e) {
            throw new StoreException("creating the network state directory " + this.run + ": " + FailureReason.of(e), e);
        }
        this.leases = new NetworkLeases(this.run.resolve("leases"), probe, ephemeral);
        this.lock = new StoreLock(this.run.resolve("netavark.lock"));
    }

    /** Whether Debian's netavark and aardvark-dns are installed where {@link #BINARY} and {@link #AARDVARK_BINARY} say. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(AARDVARK_BINARY);
    }

    /** The directory aardvark-dns reads its configuration and writes its pid file ({@code aardvark.pid}) in. */
    public Path aardvarkDirectory() {
        return run.resolve("aardvark-dns");
    }

    /**
     * Attaches {@code container}, whose network namespace is {@code namespace}, to {@code attachments} (its first
     * network gives the default route) and publishes {@code ports}. On failure nothing is left: netavark's partial
     * work is torn down (it does not roll back itself) and the leases are released.
     *
     * @throws ExecutionException naming the networks and the container, with netavark's error
     * @throws ConflictException for an address or host port in use, or a container already set up
     */
    public NetworkSetup setup(NetworkNamespace namespace, ContainerRef container, List<Attachment> attachments,
            List<PublishedPort> ports) {
        if (attachments.isEmpty()) {
            throw new IllegalArgumentException("a container on a bridge joins at least one network");
        }
        Set<String> names = new HashSet<>();
        for (Attachment attachment : attachments) {
            if (!names.add(attachment.network().name())) {
                throw new ConflictException("container " + container.name() + " is attached to network "
                        + attachment.network().name() + " twice");
            }
        }
        String action = "setting up network" + (attachments.size() > 1 ? "s " : " ") + networkNames(attachments)
                + " for container " + describe(container);
        if (!namespace.exists()) {
            throw new ExecutionException(action + ": network namespace " + namespace.path() + " does not exist");
        }
        try (StoreLock.Held held = lock.exclusive()) {
            Path saved = optionsFile(container);
            if (Files.exists(saved)) {
                throw new ConflictException(action + ": it is set up already (" + saved + ")");
            }
            List<PortMapping> mappings;
            byte[] options;
            try {
                List<Ipv4Address> addresses = new ArrayList<>();
                for (Attachment attachment : attachments) {
                    addresses.add(leases.claimAddress(attachment.network(), container, attachment.staticIp()));
                }
                mappings = leases.claimPorts(container, ports);
                options = NetavarkJson.options(container, attachments, addresses, mappings);
                NetworkFiles.writeAtomically(saved, options);
            } catch (RuntimeException e) {
                leases.release(container.id());
                throw e;
            }
            ExternalCommand setup;
            try {
                setup = netavark(action, "setup", namespace, options);
            } catch (RuntimeException e) {
                forget(container);
                throw e;
            }
            if (!setup.succeeded()) {
                // netavark 1.4 leaves the interfaces and rules it made before the failure in place.
                undo(action, namespace, container, options);
                throw new ExecutionException(action + ": " + failure(setup));
            }
            try {
                return new NetworkSetup(NetavarkJson.endpoints(setup.stdout(), attachments), mappings);
            } catch (IOException | RuntimeException e) {
                undo(action, namespace, container, options);
                throw new ExecutionException(action + ": netavark's answer is not the status expected: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Tears down what a failed setup made, as far as netavark can, and forgets the container's leases. */
    private void undo(String action, NetworkNamespace namespace, ContainerRef container, byte[] options) {
        try {
            netavark(action, "teardown", namespace, options);
        } catch (RuntimeException e) {
            // The setup's failure is the one to report.
        } finally {
            forget(container);
        }
    }

    /**
     * Detaches {@code container} from its networks and unpublishes its ports; a container never set up is no error.
     * Call it before deleting the namespace: netavark 1.4 cannot tear down without it, and would leave the network's
     * rules and bridge behind.
     *
     * @throws ExecutionException with netavark's error (the leases are released all the same)
     */
    public void teardown(NetworkNamespace namespace, ContainerRef container) {
        try (StoreLock.Held held = lock.exclusive()) {
            Path saved = optionsFile(container);
            if (!Files.exists(saved)) {
                leases.release(container.id());
                return;
            }
            byte[] options = Files.readAllBytes(saved);
            String action = "tearing down the networks of container " + describe(container);
            ExternalCommand teardown = netavark(action, "teardown", namespace, options);
            forget(container);
            if (!teardown.succeeded()) {
                throw new ExecutionException(action + ": " + failure(teardown));
            }
        } catch (IOException e) {
            throw new StoreException("reading the network options of container " + describe(container) + ": "
                    + FailureReason.of(e), e);
        }
    }

    /**
     * {@code network connect} of a running container: sets {@code attachment}'s network alone up in its namespace
     * (the next free {@code ethN}, the published ports) and merges it into the saved options, saved before the
     * setup, so one teardown still releases every network, even after a kill; returns the address leased.
     *
     * @throws ConflictException when the container is not set up (not running) or is on the network already
     * @throws ExecutionException with netavark's error; nothing is left (the lease is released)
     */
    public Ipv4Address join(NetworkNamespace namespace, ContainerRef container, Attachment attachment) {
        return new LiveAttachments(this).join(namespace, container, attachment);
    }

    /**
     * {@code network disconnect} of a running container: tears {@code network} alone down, releases its address and
     * takes it out of the saved options; the other networks stay, and so do the ports, forwarded on them.
     *
     * @throws ConflictException when the container is not set up or not on the network
     */
    public void leave(NetworkNamespace namespace, ContainerRef container, NetworkDefinition network) {
        new LiveAttachments(this).leave(namespace, container, network);
    }

    /** Whether netavark's options of {@code container} are kept: a teardown that failed before forgetting them. */
    public boolean holdsOptions(ContainerRef container) {
        return Files.exists(optionsFile(container));
    }

    /** The ports {@code container} publishes now, host ports as chosen ({@code docker port}); empty when not set up. */
    public List<PortMapping> publishedPorts(ContainerRef container) {
        Path saved = optionsFile(container);
        try {
            return Files.exists(saved) ? NetavarkJson.ports(Files.readAllBytes(saved)) : List.of();
        } catch (IOException e) {
            throw new StoreException("reading the network options of container " + describe(container) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The ids of the containers holding an address on {@code network} now. */
    public List<String> attachedContainers(NetworkDefinition network) {
        try (StoreLock.Held held = lock.exclusive()) {
            return leases.holders(network);
        }
    }

    /** The containers holding an address on {@code network} now, by id, with their addresses. */
    public java.util.SortedMap<String, Ipv4Address> addresses(NetworkDefinition network) {
        try (StoreLock.Held held = lock.exclusive()) {
            return leases.addresses(network);
        }
    }

    NetworkLeases leases() {
        return leases;
    }

    StoreLock lock() {
        return lock;
    }

    @Override
    public void close() {
        lock.close();
    }

    ExternalCommand netavark(String action, String verb, NetworkNamespace namespace, byte[] options) {
        return ExternalCommand.run(action, List.of(binary.toString(), "--config", run.toString(), "--rootless", "false",
                "--aardvark-binary", aardvark.toString(), verb, namespace.path().toString()), options);
    }

    private void forget(ContainerRef container) {
        leases.release(container.id());
        try {
            Files.deleteIfExists(optionsFile(container));
        } catch (IOException e) {
            throw new StoreException("deleting " + optionsFile(container) + ": " + FailureReason.of(e), e);
        }
    }

    Path optionsFile(ContainerRef container) {
        return run.resolve("containers").resolve(container.id() + ".json");
    }

    static String failure(ExternalCommand command) {
        String error = NetavarkJson.error(command.stdout());
        String stderr = command.errorText();
        return "netavark exited with " + command.exitCode() + ": " + (error.isEmpty() ? "" : error)
                + (stderr.isEmpty() ? "" : (error.isEmpty() ? "" : " (") + stderr + (error.isEmpty() ? "" : ")"));
    }

    private static String networkNames(List<Attachment> attachments) {
        return attachments.stream().map(attachment -> attachment.network().name()).collect(Collectors.joining(", "));
    }

    static String describe(ContainerRef container) {
        return container.name() + " (" + container.shortId() + ")";
    }
}
