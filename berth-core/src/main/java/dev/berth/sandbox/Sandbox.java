package dev.berth.sandbox;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.recovery.OwnerRecord;
import dev.berth.recovery.ProcessOwner;
import dev.berth.runtime.DefaultSeccompProfile;
import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.SeccompProfile;
import dev.berth.runtime.Stdio;
import dev.berth.snapshot.ActiveSnapshot;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.InitLayer;
import dev.berth.snapshot.MountedRoot;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One container's resources, shared by RUN steps and {@code berth run}: a writable snapshot on top of committed
 * layer snapshots, its root mounted in a bundle with Docker's defaults, and the runtime's container. They are
 * released in reverse order of acquisition by {@link #close}, at most once, whatever happened before (a failure,
 * an interrupt, the JVM shutting down on Ctrl-C: a shutdown hook closes the sandbox until it is closed).
 */
public final class Sandbox implements AutoCloseable {

    private final Snapshotter snapshotter;
    private final OciRuntime runtime;
    private final String id;
    private final String purpose;
    private final Path bundle;
    private final Thread hook;
    private ActiveSnapshot snapshot;
    private MountedRoot root;
    private boolean recorded;
    private boolean started;
    private boolean closed;

    /**
     * @param bundles where the bundle is made (the store's {@code containers/} directory)
     * @param purpose names the action in error messages ({@code RUN}, {@code run})
     */
    public Sandbox(Snapshotter snapshotter, OciRuntime runtime, Path bundles, String id, String purpose) {
        this.snapshotter = snapshotter;
        this.runtime = runtime;
        this.id = id;
        this.purpose = purpose;
        this.bundle = bundles.resolve(id);
        this.hook = Thread.ofPlatform().unstarted(this::close);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A fresh container ID: 64 random hex digits, as Docker's. */
    public static String newId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Unpacks every layer not yet a committed snapshot; returns the top chain ID. */
    public static Optional<Digest> unpack(Snapshotter snapshotter, ContentStore store, List<LayerRef> layers) {
        List<Digest> chain = ChainIds.of(layers.stream().map(LayerRef::diffId).toList());
        Optional<Digest> parent = Optional.empty();
        for (int i = 0; i < layers.size(); i++) {
            Digest chainId = chain.get(i);
            if (!snapshotter.isCommitted(chainId)) {
                Digest blob = layers.get(i).blob().digest();
                try (InputStream in = store.open(blob)) {
                    snapshotter.unpack(chainId, parent, blob.toString(), in);
                } catch (IOException e) {
                    throw new StoreException("reading layer " + blob + ": " + e.getMessage(), e);
                }
            }
            parent = Optional.of(chainId);
        }
        return parent;
    }

    public String id() {
        return id;
    }

    public Path bundle() {
        return bundle;
    }

    /** The mounted root file system, once {@link #prepare}d: where a new volume's image content is read. */
    public synchronized Path rootfs() {
        if (root == null) {
            throw new IllegalStateException("sandbox " + id + " has no mounted root");
        }
        return root.path();
    }

    /**
     * Writes the {@link OwnerRecord} naming this process beside the bundle, before anything else is made in the
     * bundle's directory (a detached container's record, its network): killed from then on, a sweep removes the
     * directory and all in it. {@link #prepare} claims the sandbox itself when this was not called.
     */
    public synchronized void claim() {
        if (recorded) {
            return;
        }
        new OwnerRecord(ProcessOwner.current(), purpose,
                Optional.of(new OwnerRecord.RuntimeLocation(runtime.name(), runtime.executable(), runtime.stateRoot())),
                Optional.of(snapshotter.location())).writeFor(bundle);
        recorded = true;
    }

    /**
     * Prepares the writable snapshot, mounts it and writes the bundle. The user is resolved against the image's
     * {@code /etc/passwd}, the working directory created if missing, and {@code PATH} and {@code HOME} added
     * when the environment sets neither. Before anything is made, an {@link OwnerRecord} naming this process is
     * written beside the bundle, so that a sweep after a {@code kill -9} finds and undoes all of it.
     *
     * @param seccomp whether to apply {@link DefaultSeccompProfile} (when the runtime supports seccomp)
     */
    public synchronized void prepare(Optional<Digest> parent, SandboxProcess process, SandboxNetwork network,
            List<HostMount> mounts, String hostname, boolean seccomp) {
        prepare(parent, process, network, mounts, hostname, seccomp, SandboxOptions.defaults());
    }

    /** As above, with {@code berth run}'s options; a privileged sandbox gets no seccomp filter. */
    public synchronized void prepare(Optional<Digest> parent, SandboxProcess process, SandboxNetwork network,
            List<HostMount> mounts, String hostname, boolean seccomp, SandboxOptions options) {
        claim();
        InitLayer init = InitLayer.dockerDefaults();
        for (HostMount mount : mounts) {
            boolean file = mount.source().map(s -> Files.isRegularFile(RunBundle.checkedSource(mount))).orElse(false);
            init = init.withMountPoint(mount.target(), file);
        }
        snapshot = snapshotter.prepare(id, parent, init);
        try {
            Files.createDirectories(bundle.resolve("rootfs"));
            // config.json may hold a RUN secret exposed as an environment variable: only root may read it.
            Files.setPosixFilePermissions(bundle, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new ExecutionException(purpose + ": making the bundle " + bundle + ": " + e.getMessage(), e);
        }
        root = MountedRoot.mount(snapshot.root(), bundle.resolve("rootfs"));
        ImageUsers users = ImageUsers.resolve(root.path(), process.user());
        String cwd = RunBundle.workingDirectory(root.path(), process.workingDir());
        var spec = DockerDefaults.process(process.args(), environment(process.env(), users), users.user(), cwd)
                .withTerminal(process.terminal());
        Optional<SeccompProfile> profile = seccomp && !options.privileged() && runtime.supportsSeccomp()
                ? Optional.of(DefaultSeccompProfile.forHost()) : Optional.empty();
        RunBundle.write(bundle, root.path(), spec, network, mounts, hostname, profile, options);
    }

    /**
     * Mounts a read-only view of the committed snapshot {@code chainId} at the bundle's {@code rootfs}, for reading
     * a stage's files without extracting them; recorded as {@link #prepare} records a container, so that a sweep
     * after a {@code kill -9} unmounts and removes it. Returns where the files are.
     */
    public synchronized Path view(Digest chainId) {
        new OwnerRecord(ProcessOwner.current(), purpose, Optional.empty(), Optional.of(snapshotter.location()))
                .writeFor(bundle);
        recorded = true;
        snapshot = snapshotter.view(id, chainId);
        try {
            Files.createDirectories(bundle.resolve("rootfs"));
        } catch (IOException e) {
            throw new ExecutionException(purpose + ": making the bundle " + bundle + ": " + e.getMessage(), e);
        }
        root = MountedRoot.mount(snapshot.root(), bundle.resolve("rootfs"));
        return root.path();
    }

    /**
     * Keeps the writable snapshot as the committed snapshot {@code chainId}, the chain of the layer its changes
     * made, so that the next step on that chain unpacks nothing; the root is unmounted first.
     */
    public synchronized void commit(Digest chainId) {
        unmount();
        snapshotter.commit(id, chainId);
        snapshot = null;
    }

    /**
     * Runs the container in the foreground; returns its process's exit code. The runtime's {@code run} deletes
     * the container when its process exits, so only a run that did not return (interrupted, failed) leaves
     * one for {@link #close} to delete: that saves a second runtime invocation per RUN step.
     */
    public int run(Stdio stdio) {
        synchronized (this) {
            started = true;
        }
        int exitCode = runtime.run(bundle, id, stdio);
        synchronized (this) {
            started = false;
        }
        return exitCode;
    }

    /**
     * Hands everything this sandbox made (the writable snapshot, the mounted root, the bundle, a container its caller
     * created in the runtime) to another keeper, as a detached container does to its monitor and its container
     * record: nothing is released, now or when the JVM exits, and the owner record goes, so that no sweep takes them
     * for a killed process's leftovers. The keeper releases them; {@link #close} does nothing afterwards.
     */
    public synchronized void detach() {
        if (closed) {
            throw new IllegalStateException("sandbox " + id + " is closed");
        }
        closed = true;
        removeHook();
        if (recorded) {
            OwnerRecord.deleteFor(bundle);
        }
    }

    /** The snapshot's changes; the root must be {@linkplain #unmount unmounted} first. */
    public List<LayerEntry> diff() {
        return snapshotter.diff(id);
    }

    public synchronized void unmount() {
        if (root != null) {
            root.close();
            root = null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Cleanup runs even when this thread was interrupted (Ctrl-C); the interrupt is restored afterwards.
        boolean interrupted = Thread.interrupted();
        List<RuntimeException> failures = new ArrayList<>();
        try {
            if (started) {
                attempt(failures, this::deleteContainer);
            }
            attempt(failures, this::unmount);
            if (snapshot != null) {
                attempt(failures, () -> snapshotter.remove(id));
            }
            attempt(failures, () -> {
                try {
                    RunBundle.delete(bundle);
                } catch (IOException e) {
                    throw new ExecutionException(purpose + ": removing the bundle " + bundle + ": " + e.getMessage(), e);
                }
            });
            // Last, and only when all was released: otherwise the record lets a later sweep finish the job.
            if (recorded && failures.isEmpty()) {
                attempt(failures, () -> OwnerRecord.deleteFor(bundle));
            }
        } finally {
            removeHook();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void deleteContainer() {
        try {
            runtime.delete(id, true);
        } catch (NotFoundException alreadyGone) {
            // `run` deletes the container when its process exits; only an interrupted run leaves one.
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it is what closed this sandbox.
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /** The environment with {@code PATH} and {@code HOME} added when it sets neither, as Docker does. */
    public static List<String> environment(List<String> env, ImageUsers users) {
        List<String> result = new ArrayList<>(env);
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            result.add("PATH=" + DockerDefaults.DEFAULT_PATH);
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            result.add("HOME=" + users.home().filter(h -> !h.isEmpty()).orElse("/"));
        }
        return List.copyOf(result);
    }
}
