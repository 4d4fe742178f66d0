package dev.berth.api;

import dev.berth.container.WritableLayerSize;
import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/** Removing the stopped detached containers at once: {@code system prune} and {@code container prune}. */
record ContainerPruning(DetachedRuns detached) {

    /**
     * Removes every detached container that is not running ({@code system prune}); one that starts meanwhile is
     * left. The IDs removed, oldest first.
     */
    List<String> removeStopped() {
        List<String> removed = new ArrayList<>();
        for (ContainerSummary container : detached.list(true).reversed()) {
            if (!container.running()) {
                try {
                    detached.containers().remove(container.id(), false);
                    removed.add(container.id());
                } catch (ConflictException startedMeanwhile) {
                    // Running again by now: a running container is not pruned.
                }
            }
        }
        return List.copyOf(removed);
    }

    /**
     * {@code container prune}: removes the stopped containers {@code filter} lets through, oldest first; one that
     * starts (or goes) meanwhile is left. Their writable layers' bytes count as reclaimed.
     */
    ContainerPruneReport prune(ContainerPruneFilter filter) {
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        for (ContainerSummary container : detached.list(true).reversed()) {
            if (container.running() || !filter.prunes(container.created(), container.labels())) {
                continue;
            }
            try {
                long size = WritableLayerSize.of(detached.containers().inspect(container.id()).record());
                detached.containers().remove(container.id(), false);
                removed.add(container.id());
                bytes += size;
            } catch (ConflictException | NotFoundException startedOrGoneMeanwhile) {
                // Running again, or removed by another command: not this prune's.
            }
        }
        return new ContainerPruneReport(removed, bytes);
    }
}
