package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.image.Digest;
import dev.berth.layer.TreeRemover;
import dev.berth.recovery.OwnerRecord;
import dev.berth.runtime.OciRuntime;
import dev.berth.sandbox.Sandbox;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.ContentStore;
import dev.berth.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a detached container without starting it: its record, writable snapshot (mounted), bundle, volumes and, on
 * bridge networks, its networking. What {@code run -d} (which then launches it) and {@code create} (which tears
 * the networking down again, as Docker sets it up only at {@code start}) share.
 */
record ContainerCreation(ContainerRecords records, Snapshotter snapshotter, ContentStore store, OciRuntime runtime,
        Conmon conmon, Clock clock, BridgeAttachments bridges) {

    /** A container made: its sandbox still claimed (a kill now leaves it to the sweep) until {@link #keep}. */
    record Made(ContainerRecord record, ContainerDirectory directory, Sandbox sandbox,
            ContainerVolumes.Resolved mounts, VolumeStore volumes) {
    }

    /** Makes it; on failure nothing is left. */
    Made make(ContainerImage image, ContainerSpec request, DetachOptions options) {
        SandboxProcess process = ContainerCommand.resolve(image.config(), request);
        Optional<Digest> parent = Sandbox.unpack(snapshotter, store, image.layers());
        String id = Sandbox.newId();
        Map<String, String> labels = new HashMap<>(image.config().labels());
        labels.putAll(options.labels());
        String hostname = request.hostname().orElse(id.substring(0, 12));
        var location = new OwnerRecord.RuntimeLocation(runtime.name(), runtime.executable(), runtime.stateRoot());
        SnapshotterLocation snapshots = snapshotter.location();
        var volumes = ContainerVolumes.storeBeside(records.root(), clock);
        // Checked before anything is made: an unknown capability, --init without tini.
        ContainerVolumes.sandboxOptions(request.host(), List.of());
        ContainerVolumes.Resolved mounts = ContainerVolumes.resolve(request.host(), image.config().volumes(), volumes);
        String stopSignal = request.host().stopSignal().orElse(image.config().stopSignal());
        NetworkOptions network = BridgeAttachments.resolvePublishAll(request.network(), image.config().exposedPorts());
        Optional<dev.berth.image.HealthConfig> health = HealthChecks.merge(image.config().healthcheck(),
                options.healthcheck());
        // Claimed before the record is written: a kill -9 from here on (during the network's setup, say) leaves
        // an owner record, and the next sweep removes the container's directory, record and all, instead of
        // leaving a created container whose root was never mounted.
        Sandbox sandbox = new Sandbox(snapshotter, runtime, records.root(), id, "run");
        ContainerRecord record;
        try {
            sandbox.claim();
            record = records.create(options.name(), name -> new ContainerRecord(id, name, image.reference(),
                    image.id(), process, clock.instant(), labels, network, hostname, request.seccomp(),
                    stopSignal, options.autoRemove(), options.logSizeMax(), parent, location, snapshots,
                    Optional.empty(), mounts.mounts(), request.host().stopTimeout(), health, options.restart(), 0,
                    false, Optional.of(new RequestedConfig(ContainerCommand.entrypoint(image.config(), request),
                            options.networkMode().orElse(network.mode())))));
        } catch (RuntimeException e) {
            attempt(e, sandbox::close);
            attempt(e, () -> ContainerVolumes.dropAnonymous(mounts.mounts(), volumes));
            throw e;
        }
        Made made = new Made(record, records.directory(id), sandbox, mounts, volumes);
        try {
            SandboxNetwork joined = network.bridged() ? bridges.attach(BridgeAttachments.reference(record), network, hostname)
                    : network.unbridged();
            sandbox.prepare(parent, process, joined, ContainerVolumes.hostMounts(mounts.mounts()), hostname,
                    request.seccomp(), ContainerVolumes.sandboxOptions(request.host(), mounts.mounts()));
            ContainerVolumes.fill(mounts, sandbox.rootfs(), volumes);
        } catch (RuntimeException e) {
            undo(made, e);
            throw e;
        }
        return made;
    }

    /** Gives the container up to its record: the sweep no longer takes it for a killed process's leftover. */
    static void keep(Made made) {
        made.sandbox().detach();
    }

    /**
     * Undoes a container made (and perhaps started) whose creation failed: the runtime's container, conmon's
     * files, the record, the sandbox, its networking and its anonymous volumes; what fails is added to {@code cause}.
     */
    void undo(Made made, RuntimeException cause) {
        ContainerRecord record = made.record();
        ContainerDirectory directory = made.directory();
        attempt(cause, () -> deleteRuntimeContainer(runtime, record.id()));
        attempt(cause, () -> HealthMonitor.stop(directory));
        attempt(cause, () -> ContainerRemoval.awaitMonitorExit(directory));
        attempt(cause, () -> records.delete(record));
        attempt(cause, () -> {
            try {
                for (String file : ContainerDirectory.MONITOR_FILES) {
                    Files.deleteIfExists(directory.path().resolve(file));
                }
                TreeRemover.delete(directory.exitDirectory());
                Files.deleteIfExists(conmon.socketDirectory().resolve(record.id()));
            } catch (IOException e) {
                throw new ExecutionException("removing the files of container " + record.id() + ": " + e.getMessage(), e);
            }
        });
        attempt(cause, made.sandbox()::close);
        attempt(cause, () -> bridges.detach(record));
        attempt(cause, () -> ContainerVolumes.dropAnonymous(made.mounts().mounts(), made.volumes()));
    }

    static void deleteRuntimeContainer(OciRuntime held, String id) {
        try {
            held.delete(id, true);
        } catch (NotFoundException alreadyGone) {
            // Never created, or deleted already.
        }
    }

    static void attempt(RuntimeException cause, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
