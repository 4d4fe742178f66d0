package dev.berth.api;

import java.util.Objects;

/**
 * One published port of a running container, as {@code berth port} prints it: {@code 80/tcp -> 127.0.0.1:8080}.
 *
 * @param containerPort the port inside the container
 * @param protocol      {@code tcp}, {@code udp} or {@code sctp}
 * @param hostIp        the host address it is published on, {@code 0.0.0.0} for every one
 * @param hostPort      the host port
 */
public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {

    public PortBinding {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostIp, "hostIp");
    }

    /** {@code 80/tcp}, the key Docker lists a container's ports by. */
    public String containerKey() {
        return containerPort + "/" + protocol;
    }

    /** {@code 0.0.0.0:8080}. */
    public String hostAddress() {
        return hostIp + ":" + hostPort;
    }
}
