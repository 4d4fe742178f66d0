package dev.berth.engine;

import dev.berth.image.LayerRef;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one RUN step needs, resolved by the engine.
 *
 * @param layers the stage's layers so far, base first
 * @param log where the process's standard output and error go, interleaved as written
 * @param sourceDateEpoch when present, the new layer's timestamps are clamped to it
 * @param beforeLayerWrite called by the executor once the process is done and before it writes the layer:
 *     the engine then holds the store's write guard until the layer is recorded ({@link StepGuard})
 */
public record RunInvocation(List<LayerRef> layers, SandboxProcess process, SandboxNetwork network, List<HostMount> mounts,
        OutputStream log, Optional<Instant> sourceDateEpoch, Runnable beforeLayerWrite) {

    /** An invocation whose layer nothing records (tests, a RUN outside a build). */
    public RunInvocation(List<LayerRef> layers, SandboxProcess process, SandboxNetwork network, List<HostMount> mounts,
            OutputStream log, Optional<Instant> sourceDateEpoch) {
        this(layers, process, network, mounts, log, sourceDateEpoch, () -> { });
    }

    public RunInvocation {
        layers = List.copyOf(layers);
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(network, "network");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        Objects.requireNonNull(beforeLayerWrite, "beforeLayerWrite");
    }
}
