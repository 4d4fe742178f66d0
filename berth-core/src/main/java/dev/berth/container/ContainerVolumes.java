package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.runtime.CapabilityNames;
import dev.berth.runtime.DockerDefaults;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.RootfsPaths;
import dev.berth.sandbox.SandboxOptions;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container's mounts as Docker resolves them when it makes the container: binds (a missing {@code -v} source is
 * made, a missing {@code --mount} one refused), named volumes (made if missing), a new anonymous volume for each
 * {@code -v /path} and for each image VOLUME no mount covers, and tmpfs mounts; then, once the root is mounted, an
 * empty volume gets the image's content at its mount point (Docker's copy-up, unless {@code volume-nocopy}).
 */
public final class ContainerVolumes {

    /** Where Debian's {@code tini} package puts its binaries: the static one first, as it runs in any image. */
    static final List<Path> INIT_CANDIDATES = List.of(Path.of("/usr/bin/tini-static"), Path.of("/usr/bin/tini"));

    private ContainerVolumes() {
    }

    /** The mounts and the volumes to fill from the image once the root is mounted. */
    record Resolved(List<ContainerMount> mounts, List<Fill> fills) {}

    /** A volume to fill with the image's content at {@code target}. */
    record Fill(Volume volume, String target) {}

    /** The volumes of the store whose {@code containers/} is {@code containersRoot}: the store keeps {@code volumes/} beside it. */
    public static VolumeStore storeBeside(Path containersRoot, Clock clock) {
        return new VolumeStore(containersRoot.toAbsolutePath().normalize().resolveSibling("volumes"), clock);
    }

    static Resolved resolve(ContainerHostConfig host, Set<String> imageVolumes, VolumeStore volumes) {
        List<ContainerMount> mounts = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        try {
            for (MountRequest request : host.mounts()) {
                String target = clean(request.target());
                if (!targets.add(target)) {
                    throw new ExecutionException("Duplicate mount point: " + target);
                }
                mounts.add(switch (request) {
                    case MountRequest.Bind bind -> new ContainerMount(ContainerMount.Type.BIND, Optional.empty(),
                            Optional.of(bindSource(bind)), target, bind.readOnly(), false, List.of());
                    case MountRequest.Volume volume -> {
                        VolumeStore.Created created = volumes.create(volume.name(), Map.of());
                        if (!volume.noCopy()) {
                            fills.add(new Fill(created.volume(), target));
                        }
                        yield volumeMount(created.volume(), target, volume.readOnly());
                    }
                    case MountRequest.Tmpfs tmpfs -> new ContainerMount(ContainerMount.Type.TMPFS, Optional.empty(),
                            Optional.empty(), target, false, false, tmpfs.options());
                });
            }
            for (String path : new TreeSet<>(imageVolumes)) {
                String target = clean(path);
                if (targets.add(target)) {
                    Volume volume = volumes.create(Optional.empty(), Map.of()).volume();
                    fills.add(new Fill(volume, target));
                    mounts.add(volumeMount(volume, target, false));
                }
            }
        } catch (RuntimeException e) {
            attempt(e, () -> dropAnonymous(mounts, volumes));
            throw e;
        }
        return new Resolved(List.copyOf(mounts), List.copyOf(fills));
    }

    /** The binds and volumes as the sandbox mounts them (tmpfs mounts go with {@link #sandboxOptions}). */
    static List<HostMount> hostMounts(List<ContainerMount> mounts) {
        return mounts.stream().filter(mount -> mount.type() != ContainerMount.Type.TMPFS)
                .map(mount -> HostMount.bind(mount.hostPath().orElseThrow(), mount.target(), mount.readOnly()))
                .toList();
    }

    static SandboxOptions sandboxOptions(ContainerHostConfig host, List<ContainerMount> mounts) {
        List<String> capabilities;
        try {
            capabilities = CapabilityNames.apply(DockerDefaults.CAPABILITIES, host.capAdd(), host.capDrop());
        } catch (IllegalArgumentException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        Optional<Path> init = host.init() ? Optional.of(INIT_CANDIDATES.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ExecutionException("--init: no tini on this host (looked for " + INIT_CANDIDATES
                        + "): install Debian's tini package"))) : Optional.empty();
        List<SandboxOptions.Tmpfs> tmpfs = mounts.stream().filter(mount -> mount.type() == ContainerMount.Type.TMPFS)
                .map(mount -> new SandboxOptions.Tmpfs(mount.target(), mount.options())).toList();
        return new SandboxOptions(host.readOnlyRoot(), init, host.resources(), capabilities, host.privileged(),
                host.ulimits(), tmpfs);
    }

    /** Docker's copy-up into each empty volume, from the mounted root (links resolved inside it, never on the host). */
    static void fill(Resolved resolved, Path rootfs, VolumeStore volumes) {
        for (Fill fill : resolved.fills()) {
            try {
                Path source = RootfsPaths.onHost(rootfs, RootfsPaths.resolve(rootfs, fill.target()));
                volumes.fill(fill.volume(), source);
            } catch (IOException e) {
                throw new StoreException("filling volume " + fill.volume().name() + " from " + fill.target() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Removes the anonymous volumes among {@code mounts}: {@code rm -v}, {@code --rm}, a run that failed. */
    static void dropAnonymous(List<ContainerMount> mounts, VolumeStore volumes) {
        for (ContainerMount mount : mounts) {
            if (mount.anonymous()) {
                try {
                    volumes.remove(mount.name().orElseThrow());
                } catch (dev.berth.error.NotFoundException alreadyGone) {
                    // Removed by a removal that was cut short, or by hand.
                }
            }
        }
    }

    private static ContainerMount volumeMount(Volume volume, String target, boolean readOnly) {
        return new ContainerMount(ContainerMount.Type.VOLUME, Optional.of(volume.name()), Optional.of(volume.mountpoint()),
                target, readOnly, volume.anonymous(), List.of());
    }

    /** The host path, links resolved (a bind follows them on the host, as Docker's does). */
    private static Path bindSource(MountRequest.Bind bind) {
        Path source = bind.source().toAbsolutePath().normalize();
        try {
            if (!Files.exists(source)) {
                if (!bind.createSource()) {
                    throw new ExecutionException("invalid mount config for type \"bind\": bind source path does not exist: "
                            + source);
                }
                Files.createDirectories(source);
            }
            return source.toRealPath();
        } catch (IOException e) {
            throw new ExecutionException("mounting " + source + " at " + bind.target() + ": " + e.getMessage(), e);
        }
    }

    private static String clean(String target) {
        String cleaned = Path.of(target).normalize().toString();
        return cleaned.isEmpty() ? "/" : cleaned;
    }

    private static void attempt(RuntimeException cause, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
