package dev.berth.container;

import dev.berth.runtime.ResourceLimits;
import dev.berth.runtime.Rlimit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Docker's HostConfig part of {@code berth run}: mounts, the root's and the process's confinement, cgroup limits,
 * and how {@code stop} ends it.
 *
 * @param mounts        {@code -v}, {@code --mount} and {@code --tmpfs}, in order
 * @param readOnlyRoot  {@code --read-only}
 * @param init          {@code --init}: tini as PID 1
 * @param resources     {@code --memory}, {@code --memory-swap}, {@code --cpus}, {@code --pids-limit}
 * @param capAdd        {@code --cap-add} (names with or without {@code CAP_}, or {@code ALL})
 * @param capDrop       {@code --cap-drop}
 * @param privileged    {@code --privileged}
 * @param ulimits       {@code --ulimit}
 * @param stopSignal    {@code --stop-signal}, over the image's StopSignal
 * @param stopTimeout   {@code --stop-timeout}: seconds {@code stop} waits by default (Docker's 10 otherwise)
 */
public record ContainerHostConfig(List<MountRequest> mounts, boolean readOnlyRoot, boolean init,
        ResourceLimits resources, List<String> capAdd, List<String> capDrop, boolean privileged, List<Rlimit> ulimits,
        Optional<String> stopSignal, OptionalInt stopTimeout) {

    public ContainerHostConfig {
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(resources, "resources");
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        ulimits = List.copyOf(ulimits);
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /** Nothing asked for: Docker's defaults. */
    public static ContainerHostConfig defaults() {
        return new ContainerHostConfig(List.of(), false, false, ResourceLimits.none(), List.of(), List.of(), false,
                List.of(), Optional.empty(), OptionalInt.empty());
    }
}
