package dev.berth.engine;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.LayerDigests;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerWriter;
import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.ProcessSpec;
import dev.berth.runtime.Stdio;
import dev.berth.snapshot.ActiveSnapshot;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.InitLayer;
import dev.berth.snapshot.MountedRoot;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a RUN step in a container: the stage's layers are unpacked once into committed snapshots (by chain
 * ID), a writable snapshot is prepared on top with the runtime's mount points below it, mounted, and run by
 * the OCI runtime from a bundle with Docker's defaults; the process's output goes to the invocation's log as
 * it is written. The snapshot's changes become a layer in the content store. Whatever happens (a failure, an
 * interrupt, the JVM shutting down on Ctrl-C) the container is deleted, the root unmounted and the snapshot
 * and bundle removed; a blob is only visible once completely written and verified.
 *
 * @param bundles where bundles are made (the store's {@code containers/} directory, say)
 */
public record ContainerRunStepExecutor(Snapshotter snapshotter, ContentStore store, OciRuntime runtime, Path bundles,
        LayerWriter layerWriter) implements RunStepExecutor {

    public ContainerRunStepExecutor {
        Objects.requireNonNull(snapshotter, "snapshotter");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(layerWriter, "layerWriter");
    }

    @Override
    public Optional<LayerRef> run(RunInvocation invocation) {
        Optional<Digest> parent = unpack(invocation.layers());
        String id = "berth-run-" + HexFormat.of().formatHex(randomBytes());
        try (RunContainer container = new RunContainer(id)) {
            Thread hook = Thread.ofPlatform().unstarted(container::close);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                container.prepare(parent, invocation);
                int exitCode = container.run(invocation);
                if (exitCode != 0) {
                    throw new ExecutionException("RUN " + String.join(" ", invocation.process().args())
                            + " exited with code " + exitCode);
                }
                container.unmount();
                return commit(snapshotter.diff(id), invocation.sourceDateEpoch());
            } finally {
                removeHook(hook);
            }
        }
    }

    /** Unpacks every layer not yet a committed snapshot; returns the top chain ID. */
    private Optional<Digest> unpack(List<LayerRef> layers) {
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

    private Optional<LayerRef> commit(List<LayerEntry> changes, Optional<Instant> sourceDateEpoch) {
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        LayerWriter writer = sourceDateEpoch.isPresent()
                ? new LayerWriter(layerWriter.compression(), layerWriter.level(), layerWriter.threads(), sourceDateEpoch)
                : layerWriter;
        try (Ingester ingester = store.ingest()) {
            LayerDigests digests = writer.write(changes, ingester.stream());
            BlobInfo blob = ingester.commit(Optional.of(digests.blobDigest()));
            return Optional.of(new LayerRef(Descriptor.of(mediaType(), blob.digest(), blob.size()), digests.diffId()));
        }
    }

    private StandardMediaType mediaType() {
        return switch (layerWriter.compression()) {
            case NONE -> StandardMediaType.OCI_LAYER;
            case GZIP -> StandardMediaType.OCI_LAYER_GZIP;
            case ZSTD -> StandardMediaType.OCI_LAYER_ZSTD;
        };
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it cleans up the same container, harmlessly twice.
        }
    }

    /** One container's resources, released in reverse order of acquisition by {@link #close}, at most once. */
    private final class RunContainer implements AutoCloseable {
        private final String id;
        private final Path bundle;
        private ActiveSnapshot snapshot;
        private MountedRoot root;
        private boolean started;
        private boolean closed;

        RunContainer(String id) {
            this.id = id;
            this.bundle = bundles.resolve(id);
        }

        synchronized void prepare(Optional<Digest> parent, RunInvocation invocation) {
            InitLayer init = InitLayer.dockerDefaults();
            for (HostMount mount : invocation.mounts()) {
                boolean file = mount.source().map(s -> Files.isRegularFile(RunBundle.checkedSource(mount))).orElse(false);
                init = init.withMountPoint(mount.target(), file);
            }
            snapshot = snapshotter.prepare(id, parent, init);
            try {
                Files.createDirectories(bundle.resolve("rootfs"));
            } catch (IOException e) {
                throw new ExecutionException("RUN: making the bundle " + bundle + ": " + e.getMessage(), e);
            }
            root = MountedRoot.mount(snapshot.root(), bundle.resolve("rootfs"));
            var step = invocation.process();
            ImageUsers users = ImageUsers.resolve(root.path(), step.user());
            String cwd = RunBundle.workingDirectory(root.path(), step.workingDir());
            ProcessSpec process = DockerDefaults.process(step.args(), environment(step.env(), users), users.user(), cwd);
            RunBundle.write(bundle, root.path(), process, invocation.network(), invocation.mounts());
        }

        int run(RunInvocation invocation) {
            Path output = bundle.resolve("output.log");
            try {
                Files.createFile(output);
            } catch (IOException e) {
                throw new ExecutionException("RUN: making the output file " + output + ": " + e.getMessage(), e);
            }
            // Both streams append to one file, so their writes interleave as the process made them.
            Redirect append = Redirect.appendTo(output.toFile());
            Stdio stdio = new Stdio(Redirect.from(Path.of("/dev/null").toFile()), append, append);
            synchronized (this) {
                started = true;
            }
            try (OutputTail tail = OutputTail.start(output, invocation.log())) {
                return runtime.run(bundle, id, stdio);
            }
        }

        synchronized void unmount() {
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
                    attempt(failures, () -> deleteContainer());
                }
                attempt(failures, this::unmount);
                if (snapshot != null) {
                    attempt(failures, () -> snapshotter.remove(id));
                }
                attempt(failures, () -> {
                    try {
                        RunBundle.delete(bundle);
                    } catch (IOException e) {
                        throw new ExecutionException("RUN: removing the bundle " + bundle + ": " + e.getMessage(), e);
                    }
                });
            } finally {
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

        private static void attempt(List<RuntimeException> failures, Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }

    /** The step's environment with {@code PATH} and {@code HOME} added when the image sets neither, as Docker does. */
    static List<String> environment(List<String> env, ImageUsers users) {
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
