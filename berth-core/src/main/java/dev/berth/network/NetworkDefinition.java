package dev.berth.network;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One network as {@code berth network inspect} shows it and netavark is told about it: a Linux bridge with one
 * IPv4 subnet, NAT to the outside unless internal, and aardvark-dns answering container names when DNS is on.
 *
 * @param name the name, {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}
 * @param id 64 lowercase hex digits
 * @param driver always {@value #BRIDGE} for now
 * @param interfaceName the host bridge, {@code berthN}
 * @param subnet the containers' addresses
 * @param gateway the bridge's address in {@code subnet}; the containers' default route and DNS server
 * @param internal no NAT and no default route: the containers reach each other only
 * @param dnsEnabled whether aardvark-dns resolves container names (off on the default {@code bridge}, as in Docker)
 * @param labels user metadata, sorted by key
 * @param created when it was created
 */
public record NetworkDefinition(String name, String id, String driver, String interfaceName, Ipv4Subnet subnet,
        Ipv4Address gateway, boolean internal, boolean dnsEnabled, Map<String, String> labels, Instant created) {

    /** The only driver so far. */
    public static final String BRIDGE = "bridge";
    /** The name of the network containers join when none is given, as in Docker. */
    public static final String DEFAULT_NAME = "bridge";
    /** The names Docker keeps for its predefined networks and network modes. */
    public static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "default");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern INTERFACE = Pattern.compile("berth[0-9]{1,10}");

    public NetworkDefinition {
        checkName(name);
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a network id is 64 lowercase hex digits: " + id);
        }
        if (!BRIDGE.equals(driver)) {
            throw new IllegalArgumentException("unsupported network driver " + driver + ": Berth has " + BRIDGE + " only");
        }
        if (!INTERFACE.matcher(interfaceName).matches()) {
            throw new IllegalArgumentException("a network interface is berthN: " + interfaceName);
        }
        Objects.requireNonNull(subnet, "subnet");
        if (!subnet.isHost(gateway)) {
            throw new IllegalArgumentException("gateway " + gateway + " is not a host address of " + subnet);
        }
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(created, "created");
    }

    /** Refuses a name outside {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}, with Podman's message (Docker's daemon has none). */
    public static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new NetworkArgumentException(name,
                    "network name " + name + " invalid: names must match " + NAME.pattern());
        }
    }

    /** Whether this is the default {@code bridge} network, which cannot be removed. */
    public boolean isDefault() {
        return name.equals(DEFAULT_NAME);
    }

    /** The first 12 digits of the id, as {@code network ls} shows it. */
    public String shortId() {
        return id.substring(0, 12);
    }
}
