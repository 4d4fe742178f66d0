package dev.berth.api;

import dev.berth.container.ContainerHostConfig;
import dev.berth.container.MountRequest;
import dev.berth.runtime.ResourceLimits;
import dev.berth.runtime.Rlimit;
import java.util.List;
import java.util.OptionalLong;

/** {@link HostOptions} in the container package's terms, with Docker's derived values (swap, CPU quota). */
final class RunHostConfig {

    private RunHostConfig() {
    }

    static ContainerHostConfig of(HostOptions host) {
        List<MountRequest> mounts = host.mounts().stream().map(RunHostConfig::mount).toList();
        // Docker: --memory alone allows as much swap again; --memory-swap -1 leaves swap unlimited.
        OptionalLong swap = host.memorySwap().isPresent() ? host.memorySwap()
                : host.memory().isPresent() ? OptionalLong.of(host.memory().getAsLong() * 2) : OptionalLong.empty();
        OptionalLong quota = host.cpus().isPresent()
                ? OptionalLong.of(Math.round(host.cpus().getAsDouble() * ResourceLimits.CPU_PERIOD)) : OptionalLong.empty();
        // Docker reads 0 and -1 as no limit; runc takes only a positive number or -1.
        OptionalLong pids = host.pidsLimit().isPresent() && host.pidsLimit().getAsLong() > 0 ? host.pidsLimit()
                : OptionalLong.empty();
        List<Rlimit> ulimits = host.ulimits().stream()
                .map(u -> new Rlimit(Ulimit.RLIMITS.get(u.name()), u.soft(), u.hard())).toList();
        return new ContainerHostConfig(mounts, host.readOnly(), host.init(),
                new ResourceLimits(host.memory(), swap, quota, pids), host.capAdd(), host.capDrop(), host.privileged(),
                ulimits, host.stopSignal(), host.stopTimeout());
    }

    private static MountRequest mount(RunMountRequest mount) {
        return switch (mount) {
            case RunMountRequest.Bind bind -> new MountRequest.Bind(bind.source(), bind.target(), bind.readOnly(),
                    bind.createSource());
            case RunMountRequest.Volume volume -> new MountRequest.Volume(volume.name(), volume.target(), volume.readOnly(),
                    volume.noCopy());
            case RunMountRequest.Tmpfs tmpfs -> new MountRequest.Tmpfs(tmpfs.target(), tmpfs.options());
        };
    }
}
