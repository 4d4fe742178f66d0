package dev.berth.dockerfile.instruction;

/** {@code RUN --security=...}: {@code insecure} grants all capabilities (an entitlement must allow it). */
public enum SecurityMode {
    SANDBOX,
    INSECURE
}
