package dev.berth.engine;

import java.util.List;
import java.util.Optional;

/**
 * Runs the process of a RUN step in an isolated container whose root file system is the given layers
 * plus a writable layer, and stores that writable layer's changes as a new layer.
 */
public interface RunStepExecutor {

    /**
     * @return the new layer, already committed to the content store, or empty when the process changed
     *     nothing (Docker still records a layer then; the caller decides)
     * @throws dev.berth.error.ExecutionException when the process exits non-zero (the message names the
     *     exit code) or cannot be started
     */
    Optional<LayerRef> run(RunInvocation invocation);

    /**
     * A read-only view of the file system of {@code layers}, from their committed snapshots (unpacked first
     * where missing, once however many ask); empty when this executor makes no views or there are no layers,
     * and the caller extracts the layers itself.
     */
    default Optional<RootfsView> view(List<LayerRef> layers) {
        return Optional.empty();
    }

    /** Whether {@link #view} makes views, so that nothing need be extracted ahead of the steps that read a stage. */
    default boolean makesViews() {
        return false;
    }
}
