package dev.berth.container;

import java.util.List;
import java.util.Objects;

/**
 * What {@code docker inspect} shows of a container's create request that its resolved process no longer tells: the
 * Entrypoint (the image's, or {@code --entrypoint}'s) apart from the Cmd, and {@code HostConfig.NetworkMode} as
 * given ({@code default} when no {@code --network} was, as Docker 20.10 records it). Kept in the record; records
 * from before it have none, and inspect then splits the process as {@code commit} does.
 *
 * @param entrypoint  the container's Entrypoint; its process's arguments start with it, the rest is its Cmd
 * @param networkMode the first {@code --network} as given, {@code default} without one
 */
public record RequestedConfig(List<String> entrypoint, String networkMode) {

    public RequestedConfig {
        entrypoint = List.copyOf(entrypoint);
        Objects.requireNonNull(networkMode, "networkMode");
    }
}
