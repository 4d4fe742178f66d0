package dev.berth.network;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a host port is free for publishing. netavark only writes DNAT rules and holds no socket, so a port some
 * host process listens on would silently lose its traffic to the container; Docker's proxy would fail to bind
 * instead. Berth binds the port for a moment to find out, and chooses ports Docker's way: the first free one of the
 * kernel's ephemeral range. A TCP probe sets {@code SO_REUSEADDR}, as Go's listeners (Docker's proxy) do: on Linux
 * it still fails on a port some socket listens on, but not on one left in {@code TIME_WAIT} by the connections of a
 * container just removed. A UDP probe does not, since there it would let two sockets share the port.
 */
@FunctionalInterface
public interface PortProbe {

    /** Whether {@code port} of {@code protocol} on {@code hostIp} (empty: every address) can be bound now. */
    boolean isFree(TransportProtocol protocol, String hostIp, int port);

    /** The probe that binds the port. SCTP is not probed (the JDK may lack it): it counts as free. */
    static PortProbe binding() {
        return (protocol, hostIp, port) -> {
            try {
                InetAddress address = InetAddress.ofLiteral(hostIp.isEmpty() ? "0.0.0.0" : hostIp);
                switch (protocol) {
                    case TCP -> {
                        try (ServerSocket socket = new ServerSocket()) {
                            socket.setReuseAddress(true);
                            socket.bind(new InetSocketAddress(address, port), 1);
                        }
                    }
                    case UDP -> {
                        try (DatagramSocket socket = new DatagramSocket(null)) {
                            socket.setReuseAddress(false);
                            socket.bind(new InetSocketAddress(address, port));
                        }
                    }
                    case SCTP -> {
                        // Not probed.
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** The kernel's ephemeral port range ({@code net.ipv4.ip_local_port_range}), where chosen host ports come from. */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"), StandardCharsets.US_ASCII)
                    .trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            // Docker's fallback when the file cannot be read.
            return new int[] {49153, 65535};
        }
    }
}
