package dev.berth.dockerfile.instruction;

/** {@code RUN --network=...}: the network a RUN step sees. */
public enum NetworkMode {
    DEFAULT,
    NONE,
    HOST
}
