package dev.berth.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The network a sandboxed process sees. Builds have no bridge: a RUN step shares the host's network unless
 * {@code --network=none}, as in Docker's legacy builder. Containers on bridge networks join a namespace netavark
 * filled before they start ({@link Joined}), with the {@code /etc} files their networks call for.
 */
public sealed interface SandboxNetwork {

    /** The host's network namespace. */
    SandboxNetwork HOST = new Host();
    /** A namespace of its own with only a loopback device. */
    SandboxNetwork NONE = new None();

    /** The host's network namespace, its {@code /etc/resolv.conf} copied. */
    record Host() implements SandboxNetwork {}

    /** A fresh namespace with only a loopback device, and an empty {@code /etc/resolv.conf}. */
    record None() implements SandboxNetwork {}

    /**
     * The existing namespace at {@code namespace} ({@code /run/netns/NAME}), joined through the runtime spec.
     *
     * @param resolvConf the container's {@code /etc/resolv.conf}
     * @param hosts      the container's {@code /etc/hosts}
     */
    record Joined(Path namespace, String resolvConf, String hosts) implements SandboxNetwork {

        public Joined {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(resolvConf, "resolvConf");
            Objects.requireNonNull(hosts, "hosts");
        }
    }
}
