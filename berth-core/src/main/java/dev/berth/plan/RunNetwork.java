package dev.berth.plan;

/** {@code RUN --network=...}: the network a RUN step sees; {@code DEFAULT} when the flag is not given. */
public enum RunNetwork {
    DEFAULT,
    NONE,
    HOST
}
