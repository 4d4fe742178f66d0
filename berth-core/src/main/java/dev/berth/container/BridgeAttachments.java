package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.network.Attachment;
import dev.berth.network.ContainerRef;
import dev.berth.network.HostsFile;
import dev.berth.network.Ipv4Address;
import dev.berth.network.Netavark;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkNamespace;
import dev.berth.network.NetworkSetup;
import dev.berth.network.NetworkStore;
import dev.berth.network.PortMapping;
import dev.berth.network.PublishedPort;
import dev.berth.network.ResolvConf;
import dev.berth.sandbox.RunBundle;
import dev.berth.sandbox.SandboxNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Containers on bridge networks: before a container starts, its network namespace ({@code berth-SHORTID}) is made
 * and {@code netavark setup} fills it; the container then joins it ({@link SandboxNetwork.Joined}) with an
 * {@code /etc/resolv.conf} and {@code /etc/hosts} for its networks. On the way out, {@code netavark teardown} runs
 * BEFORE the namespace is deleted (netavark 1.4 needs it to remove the rules and the veth).
 *
 * @param networks    the store's network definitions ({@code <store>/networks})
 * @param netavarkRun netavark's runtime state and Berth's leases ({@code /run/berth/networks})
 */
public record BridgeAttachments(Path networks, Path netavarkRun, Clock clock) {

    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

    public BridgeAttachments {
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(netavarkRun, "netavarkRun");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets up {@code container}'s networking ({@code options.bridged()} must hold); a namespace left from an earlier
     * start is torn down first. On failure nothing is left.
     *
     * @throws NotFoundException {@code network NAME not found}
     * @throws NetworkArgumentException for a malformed {@code -p}, {@code --ip} or {@code --add-host}
     */
    public SandboxNetwork.Joined attach(ContainerRef container, NetworkOptions options, String hostname) {
        List<Attachment> attachments;
        try (NetworkStore store = NetworkStore.open(networks, clock)) {
            attachments = NetworkAttachmentPlan.attachments(store, options);
        }
        List<PublishedPort> ports = options.publish().stream().map(PublishedPort::parse).toList();
        List<String> extraHosts = extraHostLines(options.addHosts(), attachments.getFirst().network());
        NetworkNamespace namespace = NetworkNamespace.of(container);
        if (namespace.exists()) {
            detach(container);
        }
        // Written first, deleted last: a sweep tears down only its own store's containers (netavark's state is the
        // host's, shared by every store), and finds them by this file.
        writeOwner(container);
        try {
            namespace = NetworkNamespace.create(namespace.name());
        } catch (RuntimeException e) {
            deleteOwner(container);
            throw e;
        }
        NetworkSetup setup;
        try (Netavark netavark = netavark()) {
            setup = netavark.setup(namespace, container, attachments, ports);
        } catch (RuntimeException e) {
            NetworkNamespace failed = namespace;
            try {
                failed.delete();
                deleteOwner(container);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        String resolv = ResolvConf.forContainer(hostResolvConf(), setup);
        if (!options.dns().isEmpty()) {
            resolv = withNameservers(resolv, options.dns());
        }
        StringBuilder hosts = new StringBuilder(HostsFile.forContainer(hostname, "", setup.endpoints()));
        extraHosts.forEach(line -> hosts.append(line).append('\n'));
        return new SandboxNetwork.Joined(namespace.path(), resolv, hosts.toString());
    }

    /** Tears down {@code container}'s networking, then deletes its namespace; one never set up is no error. */
    public void detach(ContainerRef container) {
        NetworkNamespace namespace = NetworkNamespace.of(container);
        RuntimeException failure = null;
        boolean retryable = false;
        try (Netavark netavark = netavark()) {
            try {
                netavark.teardown(namespace, container);
            } catch (RuntimeException e) {
                failure = e;
                retryable = netavark.holdsOptions(container);
            }
        }
        boolean namespaceGone = true;
        try {
            namespace.delete();
        } catch (RuntimeException e) {
            namespaceGone = false;
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        // The owner file goes unless something is left to retry: the namespace, or netavark's options (a teardown
        // that did not run to its end). netavark that ran and failed (an interface already gone) has forgotten its
        // options: nothing could retry that.
        if (namespaceGone && !retryable) {
            deleteOwner(container);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The ids of this store's containers that have (or may have) networking set up now. */
    public List<String> owned() {
        Path owners = netavarkRun.resolve("stores");
        if (!Files.isDirectory(owners)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(owners)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).sorted().toList()) {
                try {
                    if (Files.readString(file).equals(storeIdentity())) {
                        ids.add(file.getFileName().toString());
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // Torn down meanwhile.
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new ExecutionException("listing " + owners + ": " + e.getMessage(), e);
        }
    }

    /** When this store's container was set up (its owner file's time), or empty when it is not. */
    public Optional<java.time.Instant> setUpAt(String id) {
        try {
            return Optional.of(Files.getLastModifiedTime(ownerFile(id)).toInstant());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private void writeOwner(ContainerRef container) {
        try {
            Files.createDirectories(netavarkRun.resolve("stores"));
            Files.writeString(ownerFile(container.id()), storeIdentity());
        } catch (IOException e) {
            throw new ExecutionException("recording the store of container " + container.name() + " in "
                    + ownerFile(container.id()) + ": " + e.getMessage(), e);
        }
    }

    private void deleteOwner(ContainerRef container) {
        try {
            Files.deleteIfExists(ownerFile(container.id()));
        } catch (IOException e) {
            throw new ExecutionException("deleting " + ownerFile(container.id()) + ": " + e.getMessage(), e);
        }
    }

    private Path ownerFile(String id) {
        return netavarkRun.resolve("stores").resolve(id);
    }

    private String storeIdentity() {
        return networks.toAbsolutePath().normalize().toString();
    }

    /** The ports {@code container} publishes now (empty once it is torn down). */
    public List<PortMapping> ports(ContainerRef container) {
        if (!Files.isDirectory(netavarkRun)) {
            return List.of();
        }
        try (Netavark netavark = netavark()) {
            return netavark.publishedPorts(container);
        }
    }

    /** netavark, with its state here; the caller closes it. */
    public Netavark netavark() {
        return new Netavark(Netavark.BINARY, Netavark.AARDVARK_BINARY, netavarkRun);
    }

    /** The store's networks; the caller closes it. */
    public NetworkStore store() {
        return NetworkStore.open(networks, clock);
    }

    /**
     * {@code options} with {@code -P} turned into a {@code -p CTR/PROTO} for every exposed port not published
     * already, so that a container record keeps what its next start needs without the image.
     *
     * @param exposedPorts the image's {@code port/proto} keys
     */
    public static NetworkOptions resolvePublishAll(NetworkOptions options, Set<String> exposedPorts) {
        List<PublishedPort> ports = new ArrayList<>(options.publish().stream().map(PublishedPort::parse).toList());
        List<String> publish = new ArrayList<>(options.publish());
        if (options.publishAll()) {
            for (String exposed : exposedPorts.stream().sorted().toList()) {
                PublishedPort port = PublishedPort.parse(exposed);
                boolean published = ports.stream().anyMatch(p -> p.protocol() == port.protocol()
                        && p.containerStart() <= port.containerStart() && port.containerEnd() <= p.containerEnd());
                if (!published) {
                    ports.add(port);
                    publish.add(port.toString());
                }
            }
        }
        return options.withPublish(publish);
    }

    /** {@code --add-host NAME:IP} (or {@code NAME=IP}) as hosts lines; {@code host-gateway} is the network's gateway. */
    static List<String> extraHostLines(List<String> addHosts, NetworkDefinition network) {
        List<String> lines = new ArrayList<>();
        for (String entry : addHosts) {
            int separator = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (separator <= 0 || separator == entry.length() - 1) {
                throw new NetworkArgumentException(entry, "bad format for add-host: \"" + entry + "\"");
            }
            String name = entry.substring(0, separator);
            String ip = entry.substring(separator + 1);
            if (ip.equals("host-gateway")) {
                ip = network.gateway().toString();
            } else if (!Ipv4Address.isValid(ip)) {
                throw new NetworkArgumentException(entry, "invalid IP address in add-host: \"" + ip + "\"");
            }
            lines.add(ip + "\t" + name);
        }
        return List.copyOf(lines);
    }

    /** The file with its nameservers replaced by {@code --dns}'s, as Docker does. */
    static String withNameservers(String resolvConf, List<String> servers) {
        StringBuilder text = new StringBuilder();
        servers.forEach(server -> text.append("nameserver ").append(server).append('\n'));
        resolvConf.lines().filter(line -> !line.startsWith("nameserver ")).forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static String hostResolvConf() {
        try {
            return Files.isReadable(HOST_RESOLV_CONF) ? Files.readString(HOST_RESOLV_CONF) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Sets a detached container's networks up again for {@code start}, when it is on a bridge network: the same
     * namespace path as before (its {@code config.json} joins it), filled anew, and the bundle's {@code hosts} and
     * {@code resolv.conf} rewritten (the address may differ).
     */
    public void attachAgain(ContainerRecord record, Path bundle) {
        if (record.network().bridged()) {
            RunBundle.writeNetworkFiles(bundle, attach(reference(record), record.network(), record.hostname()));
        }
    }

    /** Tears down a detached container's networks, when it is on a bridge network. */
    public void detach(ContainerRecord record) {
        if (record.network().bridged()) {
            detach(reference(record));
        }
    }

    /** The ports a detached container publishes now; none for one on {@code host} or {@code none}. */
    public List<PortMapping> ports(ContainerRecord record) {
        return record.network().bridged() ? ports(reference(record)) : List.of();
    }

    /** A detached container as netavark and its namespace know it. */
    public static ContainerRef reference(ContainerRecord record) {
        return new ContainerRef(record.id(), record.name());
    }

    /** The reference netavark and the namespace are named by, from a container's id and optional name. */
    public static ContainerRef reference(String id, Optional<String> name) {
        return new ContainerRef(id, name.orElse(id.substring(0, 12)));
    }
}
