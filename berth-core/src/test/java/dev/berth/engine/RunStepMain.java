package dev.berth.engine;

import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.LayerWriter;
import dev.berth.runtime.RuntimeDetector;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A process running one RUN step, to be stopped with SIGINT (Ctrl-C) by {@link ContainerRunStepExecutorIT}. */
public final class RunStepMain {

    private RunStepMain() {
    }

    /** Arguments: store root, runtime state, layer blob digest, its size, its diffID, then the command. */
    public static void main(String[] args) {
        try (LocalStore store = LocalStore.open(new StoreLayout(Path.of(args[0])))) {
            var runtime = RuntimeDetector.fromEnvironment(System.getenv(), Path.of(args[1])).choose();
            var executor = new ContainerRunStepExecutor(new OverlaySnapshotter(store.paths().snapshots().resolve("overlay")),
                    store.content(), runtime, store.paths().containers(), LayerWriter.of(Compression.GZIP, Optional.empty()));
            var layer = new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER_GZIP, Digest.parse(args[2]),
                    Long.parseLong(args[3])), Digest.parse(args[4]));
            executor.run(new RunInvocation(List.of(layer), new SandboxProcess(List.of(args).subList(5, args.length), List.of(),
                    "", "/"), SandboxNetwork.HOST, List.of(), System.out, Optional.empty()));
        }
    }
}
