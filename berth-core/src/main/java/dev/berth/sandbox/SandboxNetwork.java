package dev.berth.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The network a sandboxed process sees. Builds have no bridge: a RUN step shares the host's network unless
 * {@code --network=none}, as in Docker's legacy builder. Containers on bridge networks join a namespace netavark
 * filled before they start ({@link Joined}), with the {@code /etc} files their networks call for. A container run
 * with {@code --network container:X} joins X's namespace and sees X's own {@code /etc} files ({@link Shared}).
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

    /**
     * Another container's network namespace, joined through the runtime spec, and that container's {@code /etc/hosts},
     * {@code /etc/resolv.conf} and {@code /etc/hostname} bind-mounted (Docker's {@code --network container:X}). No
     * network sysctl is set: the namespace is the other container's, not made for this one.
     *
     * @param namespace  {@code /proc/PID/ns/net} of the other container's first process
     * @param resolvConf the other container's {@code resolv.conf}
     * @param hostname   the other container's {@code hostname} file
     * @param hosts      the other container's {@code hosts}
     */
    record Shared(Path namespace, Path resolvConf, Path hostname, Path hosts) implements SandboxNetwork {

        public Shared {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(resolvConf, "resolvConf");
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(hosts, "hosts");
        }
    }
}
