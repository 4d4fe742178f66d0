package dev.berth.container;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.Stdio;
import dev.berth.sandbox.Sandbox;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.ContentStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one container in the foreground: the image's layers unpacked into committed snapshots, a writable snapshot
 * on top, the process resolved by {@link ContainerCommand}, its standard streams where the caller's {@link Stdio}
 * says (the CLI passes its own, output and error separately). The container, its writable snapshot and bundle are removed when it exits,
 * fails to start or Berth is interrupted.
 *
 * @param bundles where bundles are made (the store's {@code containers/} directory)
 */
public record ContainerRunner(Snapshotter snapshotter, ContentStore store, OciRuntime runtime, Path bundles,
        BridgeAttachments bridges) {

    public ContainerRunner {
        Objects.requireNonNull(snapshotter, "snapshotter");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(bridges, "bridges");
    }

    /** Runs the container; returns its process's exit code (128 + signal when a signal ended it). */
    public int run(ContainerConfig image, List<LayerRef> layers, ContainerSpec request, Stdio stdio) {
        SandboxProcess process = ContainerCommand.resolve(image, request);
        Optional<Digest> parent = Sandbox.unpack(snapshotter, store, layers);
        String id = Sandbox.newId();
        NetworkOptions options = request.network();
        NetworkNamespaceSharing.check(options, request.hostname());
        if (options.sharedContainer().isPresent()) {
            // Nothing of netavark's: the other container's namespace, files and hostname.
            var joining = new NetworkNamespaceSharing(new ContainerRecords(bundles)).join(options.sharedContainer().get());
            return run(parent, process, id, joining.target().hostname(), joining.network(), image, request, stdio);
        }
        String hostname = request.hostname().orElse(id.substring(0, 12));
        if (!options.bridged()) {
            return run(parent, process, id, hostname, options.unbridged(), image, request, stdio);
        }
        // Torn down after the sandbox is closed (the container's processes are gone), before its namespace goes.
        var reference = BridgeAttachments.reference(id, Optional.empty());
        SandboxNetwork.Joined network = bridges.attach(reference, BridgeAttachments.resolvePublishAll(options,
                image.exposedPorts()), hostname);
        try {
            return run(parent, process, id, hostname, network, image, request, stdio);
        } finally {
            bridges.detach(reference);
        }
    }

    private int run(Optional<Digest> parent, SandboxProcess process, String id, String hostname, SandboxNetwork network,
            ContainerConfig image, ContainerSpec request, Stdio stdio) {
        var volumes = ContainerVolumes.storeBeside(bundles, java.time.Clock.systemUTC());
        ContainerVolumes.Resolved mounts = ContainerVolumes.resolve(request.host(), image.volumes(), volumes);
        try (Sandbox container = new Sandbox(snapshotter, runtime, bundles, id, "run")) {
            var sandboxOptions = ContainerVolumes.sandboxOptions(request.host(), mounts.mounts());
            container.prepare(parent, process, network, ContainerVolumes.hostMounts(mounts.mounts()), hostname,
                    request.seccomp(), sandboxOptions);
            ContainerVolumes.fill(mounts, container.rootfs(), volumes);
            return container.run(stdio);
        } finally {
            // A foreground container is always removed, so its anonymous volumes go with it, as with Docker's --rm.
            ContainerVolumes.dropAnonymous(mounts.mounts(), volumes);
        }
    }
}
