package dev.berth.engine;

import dev.berth.dockerfile.instruction.NetworkMode;
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
 */
public record RunInvocation(List<LayerRef> layers, ProcessSpec process, NetworkMode network, List<HostMount> mounts,
        OutputStream log, Optional<Instant> sourceDateEpoch) {

    public RunInvocation {
        layers = List.copyOf(layers);
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(network, "network");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
    }
}
