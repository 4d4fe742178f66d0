package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.Conmon;
import dev.berth.container.ContainerRunner;
import dev.berth.container.DetachedContainers;
import dev.berth.engine.ContainerRunStepExecutor;
import dev.berth.engine.RunInvocation;
import dev.berth.engine.RunStepExecutor;
import dev.berth.image.Compression;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerWriter;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.RuntimeDetector;
import dev.berth.sandbox.RootfsView;
import dev.berth.sandbox.Sandbox;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.snapshot.Snapshotter;
import dev.berth.snapshot.SnapshotterLocation;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs RUN steps on this host: the OCI runtime that {@link RuntimeDetector} finds working and the overlay
 * snapshotter where the kernel has overlayfs and Berth runs as root, the copy snapshotter otherwise.
 * Nothing is probed until the first RUN step, so a build without RUN needs no runtime at all.
 * New layers are stored uncompressed: hashing is then the only cost, and a push or export compresses.
 */
final class HostRunSteps implements RunStepExecutor {

    private final LocalStore store;
    private final Map<String, String> environment;
    private final Path runtimeState;
    private final Optional<String> runtimeName;
    private final ReentrantLock creation = new ReentrantLock();
    private ContainerRunStepExecutor executor;
    private Snapshotter snapshots;

    /**
     * @param runtimeState where runtimes keep container state ({@code /run/berth})
     * @param runtimeName {@code runc} or {@code crun} to insist on one, empty to take the first that works
     */
    public HostRunSteps(LocalStore store, Map<String, String> environment, Path runtimeState,
            Optional<String> runtimeName) {
        this.store = store;
        this.environment = Map.copyOf(environment);
        this.runtimeState = runtimeState;
        this.runtimeName = runtimeName;
    }

    @Override
    public Optional<LayerRef> run(RunInvocation invocation) {
        return executor().run(invocation);
    }

    @Override
    public Optional<RootfsView> view(List<LayerRef> layers) {
        return executor().view(layers);
    }

    /** Only overlay snapshots are cheap enough to view: a copy snapshotter would copy a whole root per layer. */
    @Override
    public boolean makesViews() {
        return snapshotter() instanceof OverlaySnapshotter;
    }

    /**
     * Unpacks {@code layers} into committed snapshots now, as {@code docker load} and {@code docker pull}
     * extract an image, so that the first RUN or {@code berth run} on it does not; only with the overlay
     * snapshotter (root and overlayfs), whose snapshots cost what the layers weigh. Layers unpacked already
     * are skipped; many processes may ask at once (the snapshotter unpacks each chain once).
     */
    public void unpack(List<LayerRef> layers) {
        if (snapshotter() instanceof OverlaySnapshotter overlay) {
            Sandbox.unpack(overlay, store.content(), layers);
        }
    }

    /** Runs containers for {@code berth run} with the same runtime and snapshotter as RUN steps. */
    public ContainerRunner containerRunner(BridgeAttachments bridges) {
        return new ContainerRunner(snapshotter(), store.content(), runtime(), store.paths().containers(), bridges);
    }

    /**
     * Detached containers ({@code berth run -d}, {@code ps}, ...) with the same runtime and snapshotter; a
     * container already made is driven by the runtime its record names.
     */
    public DetachedContainers detachedContainers(Conmon conmon, List<String> cleanupCommand, Clock clock,
            BridgeAttachments bridges) {
        return new DetachedContainers(store.paths().containers(), snapshotter(), store.content(), runtime(), conmon,
                cleanupCommand, clock, bridges);
    }

    private OciRuntime runtime() {
        RuntimeDetector detector = RuntimeDetector.fromEnvironment(environment, runtimeState);
        return runtimeName.map(detector::choose).orElseGet(detector::choose);
    }

    private ContainerRunStepExecutor executor() {
        creation.lock();
        try {
            if (executor == null) {
                executor = new ContainerRunStepExecutor(snapshotter(), store.content(), runtime(),
                        store.paths().containers(), LayerWriter.of(Compression.NONE, Optional.empty()));
            }
            return executor;
        } finally {
            creation.unlock();
        }
    }

    /** One snapshotter for RUN steps, views and containers: its locks between threads are its own. */
    private Snapshotter snapshotter() {
        creation.lock();
        try {
            if (snapshots == null) {
                snapshots = location(privileged() && kernelHasOverlay() ? SnapshotterLocation.OVERLAY
                        : SnapshotterLocation.COPY).open();
            }
            return snapshots;
        } finally {
            creation.unlock();
        }
    }

    /**
     * Every snapshotter this store has used (its directory is there), opened afresh: what a collection of unneeded
     * snapshots goes through, whichever of them this host picks now.
     */
    List<Snapshotter> snapshottersOnDisk() {
        List<Snapshotter> found = new ArrayList<>();
        for (String kind : List.of(SnapshotterLocation.OVERLAY, SnapshotterLocation.COPY)) {
            SnapshotterLocation location = location(kind);
            if (Files.isDirectory(location.root())) {
                found.add(location.open());
            }
        }
        return List.copyOf(found);
    }

    private SnapshotterLocation location(String kind) {
        return new SnapshotterLocation(kind, store.paths().snapshots().resolve(kind), privileged());
    }

    private static boolean privileged() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean kernelHasOverlay() {
        try {
            return Files.readAllLines(Path.of("/proc/filesystems")).stream()
                    .anyMatch(line -> line.endsWith("\toverlay"));
        } catch (IOException unreadable) {
            return false;
        }
    }
}
