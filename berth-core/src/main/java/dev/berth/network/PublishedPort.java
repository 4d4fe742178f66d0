package dev.berth.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One {@code -p}/{@code --publish} value, parsed as Docker's CLI parses {@code [IP:][HOST:]CTR[/PROTO]}
 * (go-connections' {@code nat.ParsePortSpec}, same messages) but not yet given host ports: {@code 80} leaves the host
 * port to the allocator, {@code 8000-8010:80} lets it pick one of those, {@code 8000-8005:80-85} maps six ports one
 * to one.
 *
 * @param hostIp the host address to publish on, as written without brackets; empty for every address
 * @param hostStart the first host port, or 0 when none was given
 * @param hostEnd the last host port, or 0 when none was given
 * @param containerStart the first container port
 * @param containerEnd the last container port
 * @param protocol the protocol
 */
public record PublishedPort(String hostIp, int hostStart, int hostEnd, int containerStart, int containerEnd,
        TransportProtocol protocol) {

    public PublishedPort {
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(protocol, "protocol");
        if (containerStart < 1 || containerEnd < containerStart || containerEnd > 65535) {
            throw new IllegalArgumentException("container ports " + containerStart + "-" + containerEnd);
        }
        if (hostStart < 0 || hostEnd < hostStart || hostEnd > 65535) {
            throw new IllegalArgumentException("host ports " + hostStart + "-" + hostEnd);
        }
        if (hostStart != 0 && containerEnd != containerStart && hostEnd - hostStart != containerEnd - containerStart) {
            throw new IllegalArgumentException("host and container ranges differ in length");
        }
    }

    /**
     * Parses one {@code -p} value.
     *
     * @throws NetworkArgumentException with Docker's message ({@code invalid containerPort: foo})
     */
    public static PublishedPort parse(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String ip = n <= 2 ? "" : String.join(":", Arrays.copyOfRange(parts, 0, n - 2));
        String hostPort = n == 1 ? "" : parts[n - 2];
        String[] protoAndPort = splitProtocol(parts[n - 1]);
        String protocol = protoAndPort[0];
        String containerPort = protoAndPort[1];
        if (ip.startsWith("[")) {
            ip = unbracket(raw, ip);
        }
        if (!ip.isEmpty() && !isIp(ip)) {
            throw new NetworkArgumentException(raw, "invalid IP address: " + ip);
        }
        if (containerPort.isEmpty()) {
            throw new NetworkArgumentException(raw, "no port specified: " + raw + "<empty>");
        }
        int[] container = range(containerPort);
        if (container == null || container[0] == 0) {
            throw new NetworkArgumentException(raw, "invalid containerPort: " + containerPort);
        }
        int[] host = {0, 0};
        if (!hostPort.isEmpty()) {
            host = range(hostPort);
            if (host == null || (host[0] == 0 && host[1] != 0)) {
                throw new NetworkArgumentException(raw, "invalid hostPort: " + hostPort);
            }
            if (container[1] - container[0] != host[1] - host[0] && container[1] != container[0]) {
                throw new NetworkArgumentException(raw, "invalid ranges specified for container and host Ports: "
                        + containerPort + " and " + hostPort);
            }
        }
        TransportProtocol parsed = TransportProtocol.named(protocol)
                .orElseThrow(() -> new NetworkArgumentException(raw, "invalid proto: " + protocol));
        return new PublishedPort(ip, host[0], host[1], container[0], container[1], parsed);
    }

    /** Whether the host port is left to the allocator (no host port, or a host range for one container port). */
    public boolean hostPortChosen() {
        return hostStart == 0 || (containerStart == containerEnd && hostEnd != hostStart);
    }

    /** How many container ports this publishes. */
    public int count() {
        return containerEnd - containerStart + 1;
    }

    /** Go's {@code SplitProtoPort}: {@code 80/udp} is (udp, 80), {@code 80} and {@code 80/} are (tcp, 80). */
    private static String[] splitProtocol(String raw) {
        String[] parts = raw.split("/", -1);
        if (raw.isEmpty() || parts[0].isEmpty()) {
            return new String[] {"", ""};
        }
        if (parts.length == 1 || parts[1].isEmpty()) {
            return new String[] {"tcp", parts[0]};
        }
        return new String[] {parts[1], parts[0]};
    }

    /** Go's {@code net.SplitHostPort(ip + ":")} for a bracketed address, with its messages. */
    private static String unbracket(String raw, String ip) {
        String hostport = ip + ":";
        int end = hostport.indexOf(']');
        String why = null;
        if (end < 0) {
            why = "missing ']' in address";
        } else if (end + 1 != hostport.length() - 1) {
            why = hostport.charAt(end + 1) == ':' ? "too many colons in address" : "missing port in address";
        } else if (hostport.indexOf('[', 1) >= 0) {
            why = "unexpected '[' in address";
        } else if (hostport.indexOf(']', end + 1) >= 0) {
            why = "unexpected ']' in address";
        }
        if (why != null) {
            throw new NetworkArgumentException(raw, "invalid IP address " + ip + ": address " + hostport + ": " + why);
        }
        return hostport.substring(1, end);
    }

    /** Go's {@code net.ParseIP}: a dotted quad or an IPv6 literal without zone; never a name lookup. */
    static boolean isIp(String text) {
        if (Ipv4Address.isValid(text)) {
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            InetAddress.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** go-connections' {@code ParsePortRange}: {@code N} or {@code N-M} (extra {@code -M} parts ignored), or null. */
    private static int[] range(String ports) {
        if (ports.isEmpty()) {
            return null;
        }
        String[] parts = ports.split("-", -1);
        int start = port(parts[0]);
        int end = parts.length == 1 ? start : port(parts[1]);
        if (start < 0 || end < 0 || end < start) {
            return null;
        }
        return new int[] {start, end};
    }

    /** Go's {@code strconv.ParseUint(text, 10, 16)}, or -1. */
    private static int port(String text) {
        if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value > 65535 ? -1 : (int) value;
    }

    @Override
    public String toString() {
        String host = hostStart == 0 ? "" : hostEnd == hostStart ? "" + hostStart : hostStart + "-" + hostEnd;
        String container = containerEnd == containerStart ? "" + containerStart : containerStart + "-" + containerEnd;
        String address = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        return (address.isEmpty() ? "" : address + ":") + (host.isEmpty() && address.isEmpty() ? "" : host + ":")
                + container + "/" + protocol.specName();
    }
}
