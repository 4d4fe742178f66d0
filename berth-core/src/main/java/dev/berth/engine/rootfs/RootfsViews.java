package dev.berth.engine.rootfs;

import dev.berth.image.LayerRef;
import dev.berth.sandbox.RootfsView;
import java.util.List;
import java.util.Optional;

/**
 * What makes read-only views of a stage's layers for the steps that read it ({@code COPY --from},
 * {@code RUN --mount from=}); the RUN executor is one, because it owns the snapshots the views come from.
 */
public interface RootfsViews {

    /**
     * A read-only view of the file system of {@code layers}, from their committed snapshots (unpacked first
     * where missing, once however many ask); empty when no views are made or there are no layers, and the
     * caller extracts the layers itself.
     */
    default Optional<RootfsView> view(List<LayerRef> layers) {
        return Optional.empty();
    }

    /** Whether {@link #view} makes views, so that nothing need be extracted ahead of the steps that read a stage. */
    default boolean makesViews() {
        return false;
    }
}
