package dev.berth.sandbox;

/**
 * The network a sandboxed process sees. Builds have no bridge: a RUN step shares the host's network unless
 * {@code --network=none}, as in Docker's legacy builder; containers on bridge networks are the containers
 * issue's, through netavark.
 */
public enum SandboxNetwork {
    /** The host's network namespace. */
    HOST,
    /** A namespace of its own with only a loopback device. */
    NONE
}
