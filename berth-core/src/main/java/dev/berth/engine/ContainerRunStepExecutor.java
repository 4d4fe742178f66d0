package dev.berth.engine;

import dev.berth.error.ExecutionException;
import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.LayerDigests;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerWriter;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.Stdio;
import dev.berth.sandbox.OutputTail;
import dev.berth.sandbox.RootfsView;
import dev.berth.sandbox.RunBundle;
import dev.berth.sandbox.Sandbox;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        Optional<Digest> parent = Sandbox.unpack(snapshotter, store, invocation.layers());
        String id = "berth-run-" + Sandbox.newId().substring(0, 12);
        try (Sandbox container = new Sandbox(snapshotter, runtime, bundles, id, "RUN")) {
            container.prepare(parent, invocation.process(), invocation.network(), invocation.mounts(),
                    RunBundle.BUILD_HOSTNAME, true);
            int exitCode = runLogged(container, invocation);
            if (exitCode != 0) {
                throw new ExecutionException("RUN " + String.join(" ", invocation.process().args())
                        + " exited with code " + exitCode);
            }
            container.unmount();
            List<LayerEntry> changes = container.diff();
            invocation.beforeLayerWrite().run();
            Optional<LayerRef> layer = commit(changes, invocation.sourceDateEpoch());
            // The snapshot is the layer's files, unless SOURCE_DATE_EPOCH rewrote their times in the layer: the
            // next RUN would then see other times than a build from an empty store, which unpacks the layer.
            // Overlay only: a copy snapshotter's snapshot is a whole root file system. Best effort: the layer is
            // written, and a snapshot that cannot be kept is unpacked from it when next needed.
            if (layer.isPresent() && invocation.sourceDateEpoch().isEmpty()
                    && snapshotter instanceof dev.berth.snapshot.OverlaySnapshotter) {
                try {
                    container.commit(ChainIds.next(parent, layer.get().diffId()));
                } catch (dev.berth.error.StoreException notKept) {
                    // close() removes the active snapshot instead.
                }
            }
            return layer;
        }
    }

    @Override
    public Optional<RootfsView> view(List<LayerRef> layers) {
        Optional<Digest> chain = Sandbox.unpack(snapshotter, store, layers);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Sandbox sandbox = new Sandbox(snapshotter, runtime, bundles,
                "berth-view-" + Sandbox.newId().substring(0, 12), "COPY --from");
        try {
            return Optional.of(new RootfsView(sandbox.view(chain.get()), sandbox::close));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    @Override
    public boolean makesViews() {
        return true;
    }

    private static int runLogged(Sandbox container, RunInvocation invocation) {
        Path output = container.bundle().resolve("output.log");
        try {
            Files.createFile(output);
        } catch (IOException e) {
            throw new ExecutionException("RUN: making the output file " + output + ": " + e.getMessage(), e);
        }
        // Both streams append to one file, so their writes interleave as the process made them.
        Redirect append = Redirect.appendTo(output.toFile());
        Stdio stdio = new Stdio(Redirect.from(Path.of("/dev/null").toFile()), append, append);
        try (OutputTail tail = OutputTail.start(output, invocation.log())) {
            return container.run(stdio);
        }
    }

    private Optional<LayerRef> commit(List<LayerEntry> changes, Optional<Instant> sourceDateEpoch) {
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        LayerWriter writer = sourceDateEpoch.isPresent()
                ? new LayerWriter(layerWriter.compression(), layerWriter.level(), layerWriter.threads(), sourceDateEpoch)
                : layerWriter;
        try (Ingester ingester = store.ingest()) {
            if (writer.compression() == Compression.NONE) {
                // The ingester hashes what it stores, and an uncompressed layer's digest is its diffID.
                writer.writeUnhashedTar(changes.iterator(), ingester.stream());
                BlobInfo blob = ingester.commit(Optional.empty());
                return Optional.of(new LayerRef(Descriptor.of(mediaType(), blob.digest(), blob.size()), blob.digest()));
            }
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
}
