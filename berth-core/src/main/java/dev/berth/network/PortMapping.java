package dev.berth.network;

import java.util.Objects;

/**
 * A published port with its host port chosen, as netavark's {@code port_mappings} takes it: {@code range} ports from
 * {@code hostPort} on the host forward to as many from {@code containerPort} in the container.
 *
 * @param hostIp the host address, empty for every IPv4 address
 * @param hostPort the first host port
 * @param containerPort the first container port
 * @param range how many consecutive ports, at least 1
 * @param protocol the protocol
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, int range, TransportProtocol protocol) {

    public PortMapping {
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(protocol, "protocol");
        if (range < 1 || hostPort < 1 || containerPort < 1 || hostPort + range - 1 > 65535
                || containerPort + range - 1 > 65535) {
            throw new IllegalArgumentException("port mapping %d+%d -> %d".formatted(hostPort, range, containerPort));
        }
    }

    /** {@code 0.0.0.0:8080->80/tcp}, as {@code docker ps} shows it (ranges as {@code 8000-8005->80-85/tcp}). */
    @Override
    public String toString() {
        String address = hostIp.isEmpty() ? "0.0.0.0" : hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        String host = range == 1 ? "" + hostPort : hostPort + "-" + (hostPort + range - 1);
        String container = range == 1 ? "" + containerPort : containerPort + "-" + (containerPort + range - 1);
        return address + ":" + host + "->" + container + "/" + protocol.specName();
    }
}
