package dev.berth.container;

import dev.berth.image.Digest;
import dev.berth.recovery.OwnerRecord;
import dev.berth.runtime.OciRuntime;
import dev.berth.sandbox.Sandbox;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.ContentStore;
import dev.berth.volume.VolumeStore;
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
        Conmon conmon, Clock clock, BridgeAttachments bridges, DetachedNetworking networking) {

    /** A container made: its sandbox still claimed (a kill now leaves it to the sweep) until {@link #keep}. */
    record Made(ContainerRecord record, ContainerDirectory directory, Sandbox sandbox,
            ContainerVolumes.Resolved mounts, VolumeStore volumes) {
    }

    /** Makes it; on failure nothing is left. */
    Made make(ContainerImage image, ContainerSpec request, DetachOptions options) {
        SandboxProcess process = ContainerCommand.resolve(image.config(), request);
        String id = Sandbox.newId();
        DetachedNetworking.Resolved resolved = networking.resolve(request.network(), request.hostname(),
                image.config().exposedPorts(), id);
        Optional<Digest> parent = Sandbox.unpack(snapshotter, store, image.layers());
        Map<String, String> labels = new HashMap<>(image.config().labels());
        labels.putAll(options.labels());
        String hostname = resolved.hostname();
        var location = new OwnerRecord.RuntimeLocation(runtime.name(), runtime.executable(), runtime.stateRoot());
        SnapshotterLocation snapshots = snapshotter.location();
        var volumes = ContainerVolumes.storeBeside(records.root(), clock);
        // Checked before anything is made: an unknown capability, --init without tini.
        ContainerVolumes.sandboxOptions(request.host(), List.of());
        ContainerVolumes.Resolved mounts = ContainerVolumes.resolve(request.host(), image.config().volumes(), volumes);
        String stopSignal = request.host().stopSignal().orElse(image.config().stopSignal());
        NetworkOptions network = resolved.options();
        // Docker's HostConfig.NetworkMode: as given, but container:FULL-ID for a shared namespace.
        String networkMode = network.sharedContainer().isPresent() ? network.mode()
                : options.networkMode().orElse(network.mode());
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
                            networkMode))));
        } catch (RuntimeException e) {
            FailedRunUndo.attempt(e, sandbox::close);
            FailedRunUndo.attempt(e, () -> ContainerVolumes.dropAnonymous(mounts.mounts(), volumes));
            throw e;
        }
        Made made = new Made(record, records.directory(id), sandbox, mounts, volumes);
        try {
            SandboxNetwork joined = networking.attach(record, resolved);
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
     * Undoes a container made (and perhaps started) whose creation failed ({@link FailedRunUndo}), then its
     * anonymous volumes; what fails is added to {@code cause}.
     */
    void undo(Made made, RuntimeException cause) {
        new FailedRunUndo(records, conmon, runtime, bridges).undo(made.record(), made.directory(), made.sandbox(), cause);
        FailedRunUndo.attempt(cause, () -> ContainerVolumes.dropAnonymous(made.mounts().mounts(), made.volumes()));
    }
}
