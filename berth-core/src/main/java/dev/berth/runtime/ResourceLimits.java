package dev.berth.runtime;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The cgroup limits of {@code linux.resources} beside the device rules, as Docker sets them: runc writes them to the
 * container's cgroup (v1 controllers or the unified v2 tree, whichever the host has).
 *
 * @param memory     {@code --memory}: bytes
 * @param memorySwap {@code --memory-swap}: memory plus swap in bytes, -1 for unlimited swap
 * @param cpuQuota   microseconds of CPU per {@link #CPU_PERIOD}: {@code --cpus 1.5} is 150000
 * @param pids       {@code --pids-limit}: processes and threads; -1 or 0 for no limit, as Docker reads it
 */
public record ResourceLimits(OptionalLong memory, OptionalLong memorySwap, OptionalLong cpuQuota, OptionalLong pids) {

    /** Docker's CFS period for {@code --cpus}: 100 ms. */
    public static final long CPU_PERIOD = 100_000;

    public ResourceLimits {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(memorySwap, "memorySwap");
        Objects.requireNonNull(cpuQuota, "cpuQuota");
        Objects.requireNonNull(pids, "pids");
    }

    public static ResourceLimits none() {
        return new ResourceLimits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    public boolean isEmpty() {
        return this.equals(none());
    }
}
