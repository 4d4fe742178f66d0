package dev.berth.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code runc state ID} says about a container.
 *
 * @param id     the container ID
 * @param status its lifecycle state
 * @param pid    its first process's host PID; 0 once stopped
 * @param bundle its bundle directory
 */
public record ContainerState(String id, ContainerStatus status, long pid, Path bundle) {

    public ContainerState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bundle, "bundle");
    }
}
