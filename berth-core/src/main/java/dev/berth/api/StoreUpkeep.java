package dev.berth.api;

import dev.berth.engine.BuildCache;
import dev.berth.engine.mount.CacheMounts;
import dev.berth.image.Digest;
import dev.berth.recovery.LeftoverSweeper;
import dev.berth.recovery.SweepReport;
import dev.berth.store.BlobInfo;
import dev.berth.store.CollectionReport;
import dev.berth.store.DiskUsage;
import dev.berth.store.GarbageCollector;
import dev.berth.store.LocalStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a store tidy: sweeps what killed processes left, empties the build cache, collects garbage and measures
 * the store. The build cache's entries are roots of every collection, or a cached build would point at a blob
 * that is gone.
 */
final class StoreUpkeep {

    private final LocalStore store;

    StoreUpkeep(LocalStore store) {
        this.store = store;
    }

    LeftoverReport sweep() {
        SweepReport report = new LeftoverSweeper(store).sweep();
        return new LeftoverReport(report.removed().stream()
                .map(left -> new LeftoverReport.Leftover(left.kind(), left.id(), left.purpose(), left.owner().pid(),
                        left.released()))
                .toList(), report.failures());
    }

    CachePruneReport pruneBuildCache() {
        BuildCache cache = cache();
        int entries = cache.prune();
        Builder.upToDateBuilds(store).forget();
        CacheMounts.Pruned mounts = new CacheMounts(cache.mountsDirectory()).prune();
        return new CachePruneReport(entries, mounts.directories(), mounts.bytes());
    }

    /**
     * @param deletedContainers what the caller removed before, for the report
     * @param inUse the manifests of images containers still use: kept even when dangling, as Docker keeps them
     */
    SystemPruneReport collect(boolean all, List<String> deletedContainers, Set<Digest> inUse) {
        CollectionReport report = store.collector().collect(
                all ? GarbageCollector.Mode.ALL_UNUSED : GarbageCollector.Mode.DANGLING, () -> {
                    Set<Digest> roots = new HashSet<>(cache().roots());
                    roots.addAll(inUse);
                    return roots;
                });
        return new SystemPruneReport(deletedContainers, report.droppedImages().stream().map(image -> image.descriptor().digest()).toList(),
                report.removedBlobs().stream().map(BlobInfo::digest).toList(), report.freedBytes());
    }

    StoreUsage usage() {
        // Only the index's images are roots here, not the build cache: its blobs count as reclaimable, as they
        // always have in `system df`; containers join the roots when they outlive their run.
        DiskUsage usage = store.collector().usage(Set.of());
        return new StoreUsage(usage.blobCount(), usage.blobBytes(), usage.reachableBytes(), usage.ingestBytes(),
                usage.containerBytes(), usage.cacheBytes(), usage.snapshotBytes());
    }

    private BuildCache cache() {
        return new BuildCache(store.paths().cache(), store.content());
    }
}
