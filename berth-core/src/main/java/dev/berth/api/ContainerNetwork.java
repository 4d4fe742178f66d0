package dev.berth.api;

/** The network a container sees ({@code --network}); bridge networks come with the containers issue. */
public enum ContainerNetwork {
    /** The host's network namespace, Docker's default for Berth (there is no bridge yet). */
    HOST,
    /** A namespace of its own with only a loopback device. */
    NONE
}
