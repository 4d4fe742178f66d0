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
        String hostname = request.hostname().orElse(id.substring(0, 12));
        NetworkOptions options = request.network();
        if (!options.bridged()) {
            return run(parent, process, id, hostname, options.unbridged(), request, stdio);
        }
        // Torn down after the sandbox is closed (the container's processes are gone), before its namespace goes.
        var reference = BridgeAttachments.reference(id, java.util.Optional.empty());
        SandboxNetwork.Joined network = bridges.attach(reference, BridgeAttachments.resolvePublishAll(options,
                image.exposedPorts()), hostname);
        try {
            return run(parent, process, id, hostname, network, request, stdio);
        } finally {
            bridges.detach(reference);
        }
    }

    private int run(Optional<Digest> parent, SandboxProcess process, String id, String hostname, SandboxNetwork network,
            ContainerSpec request, Stdio stdio) {
        try (Sandbox container = new Sandbox(snapshotter, runtime, bundles, id, "run")) {
            container.prepare(parent, process, network, List.of(), hostname, request.seccomp());
            return container.run(stdio);
        }
    }
}
