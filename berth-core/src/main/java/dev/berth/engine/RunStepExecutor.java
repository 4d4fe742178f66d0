package dev.berth.engine;

import dev.berth.engine.rootfs.RootfsViews;
import dev.berth.image.LayerRef;
import java.util.Optional;

/**
 * Runs the process of a RUN step in an isolated container whose root file system is the given layers
 * plus a writable layer, and stores that writable layer's changes as a new layer.
 */
public interface RunStepExecutor extends RootfsViews {

    /**
     * @return the new layer, already committed to the content store, or empty when the process changed
     *     nothing (Docker still records a layer then; the caller decides)
     * @throws dev.berth.error.ExecutionException when the process exits non-zero (the message names the
     *     exit code) or cannot be started
     */
    Optional<LayerRef> run(RunInvocation invocation);
}
