package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The host side of a {@link RunRequest}, Docker's HostConfig: mounts, confinement, limits and how {@code stop} ends
 * the container. {@link #defaults()} asks for nothing; each {@code with} method gives a copy with one field set.
 *
 * @param mounts      {@code -v}, {@code --mount}, {@code --tmpfs}, in order
 * @param readOnly    {@code --read-only}: the root file system read-only
 * @param init        {@code --init}: tini as PID 1, which reaps zombies and passes signals on
 * @param memory      {@code --memory} in bytes
 * @param memorySwap  {@code --memory-swap} in bytes (memory plus swap; -1 unlimited); twice the memory when only
 *                    {@code memory} is set, as Docker does
 * @param cpus        {@code --cpus}: CPUs' worth of time per 100 ms period
 * @param pidsLimit   {@code --pids-limit}; 0 or -1 for none
 * @param capAdd      {@code --cap-add}: names with or without {@code CAP_}, or {@code ALL}
 * @param capDrop     {@code --cap-drop}
 * @param privileged  {@code --privileged}: every capability, no seccomp filter, nothing masked, every device allowed
 * @param ulimits     {@code --ulimit}
 * @param stopSignal  {@code --stop-signal} (a detached container's)
 * @param stopTimeout {@code --stop-timeout}: seconds {@code stop} waits by default
 * @param health      {@code --health-*} and {@code --no-healthcheck} over the image's HEALTHCHECK (a detached
 *                    container's); empty keeps the image's
 * @param restart     {@code --restart} (a detached container's); {@link RestartPolicy.No} by default
 */
public record HostOptions(List<RunMountRequest> mounts, boolean readOnly, boolean init, OptionalLong memory,
        OptionalLong memorySwap, OptionalDouble cpus, OptionalLong pidsLimit, List<String> capAdd, List<String> capDrop,
        boolean privileged, List<Ulimit> ulimits, Optional<String> stopSignal, OptionalInt stopTimeout,
        Optional<HealthOverride> health, RestartPolicy restart) {

    /** Without healthcheck flags and without a restart policy. */
    public HostOptions(List<RunMountRequest> mounts, boolean readOnly, boolean init, OptionalLong memory,
            OptionalLong memorySwap, OptionalDouble cpus, OptionalLong pidsLimit, List<String> capAdd,
            List<String> capDrop, boolean privileged, List<Ulimit> ulimits, Optional<String> stopSignal,
            OptionalInt stopTimeout) {
        this(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged, ulimits,
                stopSignal, stopTimeout, Optional.empty(), new RestartPolicy.No());
    }

    public HostOptions {
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(memorySwap, "memorySwap");
        Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(pidsLimit, "pidsLimit");
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        ulimits = List.copyOf(ulimits);
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(restart, "restart");
        if (memorySwap.isPresent() && memorySwap.getAsLong() != -1 && memory.isEmpty()) {
            throw new IllegalArgumentException("You should always set the Memory limit when using Memoryswap limit, "
                    + "see usage");
        }
        if (memorySwap.isPresent() && memorySwap.getAsLong() != -1 && memorySwap.getAsLong() < memory.getAsLong()) {
            throw new IllegalArgumentException("Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (memory.isPresent() && memory.getAsLong() < 6 * 1024 * 1024) {
            throw new IllegalArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (cpus.isPresent() && cpus.getAsDouble() <= 0) {
            throw new IllegalArgumentException("Range of CPUs is from 0.01 to the number of CPUs available to the container");
        }
    }

    public static HostOptions defaults() {
        return new HostOptions(List.of(), false, false, OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), List.of(), List.of(), false, List.of(), Optional.empty(), OptionalInt.empty());
    }

    public HostOptions withMounts(List<RunMountRequest> value) {
        return new HostOptions(value, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withReadOnly(boolean value) {
        return new HostOptions(mounts, value, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withInit(boolean value) {
        return new HostOptions(mounts, readOnly, value, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withMemory(OptionalLong value, OptionalLong swap) {
        return new HostOptions(mounts, readOnly, init, value, swap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withCpus(OptionalDouble value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, value, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withPidsLimit(OptionalLong value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, value, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withCapabilities(List<String> add, List<String> drop) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, add, drop, privileged,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withPrivileged(boolean value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, value,
                ulimits, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withUlimits(List<Ulimit> value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                value, stopSignal, stopTimeout, health, restart);
    }

    public HostOptions withStop(Optional<String> signal, OptionalInt timeout) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, signal, timeout, health, restart);
    }

    /** With {@code --health-*} flags (empty: the image's HEALTHCHECK as it is). */
    public HostOptions withHealth(Optional<HealthOverride> value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, value, restart);
    }

    /** With {@code --restart}. */
    public HostOptions withRestart(RestartPolicy value) {
        return new HostOptions(mounts, readOnly, init, memory, memorySwap, cpus, pidsLimit, capAdd, capDrop, privileged,
                ulimits, stopSignal, stopTimeout, health, value);
    }
}
