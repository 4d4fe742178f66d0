package dev.berth.sandbox;

import dev.berth.runtime.Capabilities;
import dev.berth.runtime.CapabilityNames;
import dev.berth.runtime.MountSpec;
import dev.berth.runtime.ProcessSpec;
import dev.berth.runtime.ResourceLimits;
import dev.berth.runtime.RootSpec;
import dev.berth.runtime.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies {@link SandboxOptions} to a spec with Docker's defaults, as dockerd's {@code oci_linux.go} does: the
 * capabilities and rlimits of the process, {@code --init} in front of it, a read-only root, tmpfs mounts after the
 * others, cgroup limits, and {@code --privileged} (every capability, {@code /sys} and the cgroup tree writable,
 * nothing masked, every device allowed; the seccomp filter is the caller's to leave out).
 */
final class RunSpecOptions {

    /** Docker's options for every tmpfs mount, before the user's. */
    private static final List<String> TMPFS_DEFAULTS = List.of("noexec", "nosuid", "nodev");

    private RunSpecOptions() {
    }

    static RuntimeSpec apply(RuntimeSpec spec, SandboxOptions options) {
        spec = parentsFirst(spec);
        if (options.equals(SandboxOptions.defaults())) {
            return spec;
        }
        ProcessSpec process = spec.process();
        List<String> caps = CapabilityNames.withinBoundingSet(options.privileged() ? CapabilityNames.ALL
                : options.capabilities());
        List<String> args = process.args();
        if (options.init().isPresent()) {
            args = new ArrayList<>(List.of(SandboxOptions.INIT_PATH, "--"));
            args.addAll(process.args());
        }
        process = new ProcessSpec(process.terminal(), process.user(), args, process.env(), process.cwd(),
                Capabilities.dockerStyle(caps), options.rlimits().isEmpty() ? process.rlimits() : options.rlimits(),
                process.noNewPrivileges());
        List<MountSpec> mounts = new ArrayList<>();
        for (MountSpec mount : spec.mounts()) {
            boolean kernelTree = mount.destination().equals("/sys") || mount.destination().equals("/sys/fs/cgroup");
            mounts.add(options.privileged() && kernelTree ? new MountSpec(mount.destination(), mount.type(),
                    mount.source(), mount.options().stream().filter(o -> !o.equals("ro")).toList()) : mount);
        }
        options.init().ifPresent(init -> mounts.add(MountSpec.bind(init, SandboxOptions.INIT_PATH, true)));
        for (SandboxOptions.Tmpfs tmpfs : options.tmpfs()) {
            mounts.add(new MountSpec(tmpfs.target(), "tmpfs", "tmpfs", tmpfsOptions(tmpfs.options())));
        }
        var linux = options.privileged() ? spec.linux().privileged() : spec.linux();
        linux = linux.withResources(supportedLimits(options.resources()));
        return new RuntimeSpec(spec.ociVersion(), process, new RootSpec(spec.root().path(), options.readOnlyRoot()),
                spec.hostname(), mounts, linux);
    }

    /**
     * The mounts after Docker's own, shallowest first (stable), as dockerd sorts them: a volume on {@code /etc} is
     * mounted before the {@code /etc/hosts} bind, which would otherwise be hidden under it.
     */
    private static RuntimeSpec parentsFirst(RuntimeSpec spec) {
        int fixed = dev.berth.runtime.DockerDefaults.mounts().size();
        List<MountSpec> mounts = spec.mounts();
        if (mounts.size() <= fixed + 1) {
            return spec;
        }
        List<MountSpec> sorted = new ArrayList<>(mounts.subList(0, fixed));
        List<MountSpec> rest = new ArrayList<>(mounts.subList(fixed, mounts.size()));
        rest.sort(java.util.Comparator.comparingLong(mount -> Path.of(mount.destination()).normalize().getNameCount()));
        sorted.addAll(rest);
        return new RuntimeSpec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), sorted, spec.linux());
    }

    /** Docker's {@code noexec,nosuid,nodev}, each undone by the user's {@code exec}, {@code suid}, {@code dev}. */
    static List<String> tmpfsOptions(List<String> requested) {
        Set<String> options = new LinkedHashSet<>(TMPFS_DEFAULTS);
        for (String option : requested) {
            switch (option) {
                case "exec", "suid", "dev" -> options.remove("no" + option);
                case "rw" -> { }
                default -> options.add(option);
            }
        }
        return List.copyOf(options);
    }

    /**
     * The limits runc can set here: a swap limit needs the v1 {@code memsw} files (swap accounting) or the v2
     * tree; without them Docker drops it with a warning, and runc would fail.
     */
    private static ResourceLimits supportedLimits(ResourceLimits limits) {
        if (limits.memorySwap().isEmpty()) {
            return limits;
        }
        boolean swapAccounting = Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"))
                || Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        return swapAccounting ? limits : new ResourceLimits(limits.memory(), OptionalLong.empty(), limits.cpuQuota(),
                limits.pids());
    }
}
