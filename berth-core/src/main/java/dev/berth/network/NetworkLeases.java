package dev.berth.network;

import dev.berth.error.ConflictException;
import dev.berth.error.StoreException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.store.FailureReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The addresses and host ports running containers hold, one file each naming its container, under
 * {@code <run>/leases/}: {@code NETWORK-ID/IP} and {@code ports/PROTO-PORT-IP} ({@code all} for every address).
 * netavark keeps no IPAM of its own (it wants {@code static_ips}) and holds no socket on published ports, so Berth
 * keeps both here. The directory is runtime state (under {@code /run}): a reboot ends every container, and so
 * every lease. The caller holds the run directory's lock.
 */
final class NetworkLeases {

    private static final String ALL = "all";

    private final Path root;
    private final PortProbe probe;
    private final int[] ephemeral;

    NetworkLeases(Path root, PortProbe probe, int[] ephemeral) {
        this.root = root;
        this.probe = probe;
        this.ephemeral = ephemeral.clone();
    }

    /** Leases {@code wanted}, or the network's first free address after the gateway, to {@code container}. */
    Ipv4Address claimAddress(NetworkDefinition network, ContainerRef container, Optional<Ipv4Address> wanted) {
        Path directory = root.resolve(network.id());
        if (wanted.isPresent()) {
            if (!claim(directory.resolve(wanted.get().toString()), container)) {
                throw new ConflictException("assigning address " + wanted.get() + " on network " + network.name()
                        + " to container " + container.name() + ": Address already in use");
            }
            return wanted.get();
        }
        Ipv4Subnet subnet = network.subnet();
        for (long offset = 1; offset < subnet.size(); offset++) {
            Ipv4Address candidate = subnet.base().plus(offset);
            if (subnet.isHost(candidate) && !candidate.equals(network.gateway())
                    && claim(directory.resolve(candidate.toString()), container)) {
                return candidate;
            }
        }
        throw new ConflictException("assigning an address on network " + network.name() + " to container "
                + container.name() + ": no available IPv4 addresses in " + subnet);
    }

    /** Leases host ports for {@code ports}, choosing those left open, and says which were taken. */
    List<PortMapping> claimPorts(ContainerRef container, List<PublishedPort> ports) {
        List<PortMapping> mappings = new ArrayList<>();
        for (PublishedPort port : ports) {
            if (port.hostIp().contains(":")) {
                throw new UnsupportedFeatureException("publishing " + port + " on IPv6 address " + port.hostIp()
                        + ": Berth's networks are IPv4 only so far");
            }
            if (!port.hostPortChosen()) {
                for (int i = 0; i < port.count(); i++) {
                    String problem = unavailable(port.protocol(), port.hostIp(), port.hostStart() + i);
                    if (problem != null) {
                        throw new ConflictException("Bind for " + address(port.hostIp()) + ":" + (port.hostStart() + i)
                                + " failed: " + problem);
                    }
                    claimPort(port.protocol(), port.hostIp(), port.hostStart() + i, container);
                }
                mappings.add(new PortMapping(port.hostIp(), port.hostStart(), port.containerStart(), port.count(),
                        port.protocol()));
                continue;
            }
            int from = port.hostStart() == 0 ? ephemeral[0] : port.hostStart();
            int to = port.hostStart() == 0 ? ephemeral[1] : port.hostEnd();
            for (int containerPort = port.containerStart(); containerPort <= port.containerEnd(); containerPort++) {
                int chosen = choose(port.protocol(), port.hostIp(), from, to);
                if (chosen < 0) {
                    throw new ConflictException("Bind for " + address(port.hostIp()) + ":" + from + "-" + to
                            + " failed: port is already allocated (publishing " + containerPort + "/"
                            + port.protocol().specName() + ")");
                }
                claimPort(port.protocol(), port.hostIp(), chosen, container);
                mappings.add(new PortMapping(port.hostIp(), chosen, containerPort, 1, port.protocol()));
            }
        }
        return List.copyOf(mappings);
    }

    /** Deletes every lease {@code containerId} holds. */
    void release(String containerId) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (owner(file).equals(containerId)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new StoreException("releasing the addresses and ports of container " + containerId + " in " + root
                    + ": " + FailureReason.of(e), e);
        }
    }

    /** Deletes the address {@code containerId} holds on {@code network} only ({@code network disconnect}). */
    void releaseAddress(NetworkDefinition network, String containerId) {
        Path directory = root.resolve(network.id());
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (owner(file).equals(containerId)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new StoreException("releasing the address of container " + containerId + " on network "
                    + network.name() + ": " + FailureReason.of(e), e);
        }
    }

    /** The containers holding an address on {@code network}. */
    List<String> holders(NetworkDefinition network) {
        Path directory = root.resolve(network.id());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(this::owner).filter(owner -> !owner.isEmpty()).distinct().sorted().toList();
        } catch (IOException e) {
            throw new StoreException("reading the address leases in " + directory + ": " + FailureReason.of(e), e);
        }
    }

    /** Who holds which address on {@code network}: container id to address, sorted by id. */
    java.util.SortedMap<String, Ipv4Address> addresses(NetworkDefinition network) {
        java.util.SortedMap<String, Ipv4Address> held = new java.util.TreeMap<>();
        Path directory = root.resolve(network.id());
        if (!Files.isDirectory(directory)) {
            return held;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> Ipv4Address.isValid(file.getFileName().toString())).forEach(file -> {
                String owner = owner(file);
                if (!owner.isEmpty()) {
                    held.put(owner, Ipv4Address.parse(file.getFileName().toString()));
                }
            });
            return held;
        } catch (IOException e) {
            throw new StoreException("reading the address leases in " + directory + ": " + FailureReason.of(e), e);
        }
    }

    private int choose(TransportProtocol protocol, String hostIp, int from, int to) {
        for (int candidate = from; candidate <= to; candidate++) {
            if (unavailable(protocol, hostIp, candidate) == null) {
                return candidate;
            }
        }
        return -1;
    }

    /** Why {@code port} cannot be published, or null when it can. */
    private String unavailable(TransportProtocol protocol, String hostIp, int port) {
        String prefix = protocol.specName() + "-" + port + "-";
        Path ports = root.resolve("ports");
        boolean leased = hostIp.isEmpty()
                ? Files.isDirectory(ports) && anyStartsWith(ports, prefix)
                : Files.exists(ports.resolve(prefix + ALL)) || Files.exists(ports.resolve(prefix + hostIp));
        if (leased) {
            return "port is already allocated";
        }
        return probe.isFree(protocol, hostIp, port) ? null : "address already in use (a host process has it)";
    }

    private static boolean anyStartsWith(Path directory, String prefix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            throw new StoreException("reading the port leases in " + directory + ": " + FailureReason.of(e), e);
        }
    }

    private void claimPort(TransportProtocol protocol, String hostIp, int port, ContainerRef container) {
        Path file = root.resolve("ports").resolve(protocol.specName() + "-" + port + "-" + (hostIp.isEmpty() ? ALL : hostIp));
        if (!claim(file, container)) {
            throw new ConflictException("Bind for " + address(hostIp) + ":" + port + " failed: port is already allocated");
        }
    }

    /** Creates {@code file} naming {@code container}; false when it exists already. */
    private static boolean claim(Path file, ContainerRef container) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, container.id() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException("writing lease " + file + ": " + FailureReason.of(e), e);
        }
    }

    private String owner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new StoreException("reading lease " + file + ": " + FailureReason.of(e), e);
        }
    }

    private static String address(String hostIp) {
        return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    }
}
