package dev.berth.api;

import dev.berth.engine.BuildCache;
import dev.berth.engine.rootfs.LayerIndexFiles;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.CollectedSnapshots;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes what was derived from blobs and is no longer needed, after the store's own collection: what {@code rmi},
 * {@code image prune}, {@code system prune} and {@code builder prune} free besides blobs. That is the committed
 * snapshots (unpacked layers) no stored image and no build-cache entry needs, and the layer indexes of blobs that
 * are gone. A snapshot is needed when its chain is a prefix of the layers of an image or of a cached
 * step's config (the chain a later RUN on that step starts from). Snapshots committed within {@link #GRACE} stay:
 * a RUN step records the cache entry that names its snapshot just after committing it.
 */
final class DerivedDataPruner {

    static final Duration GRACE = Duration.ofMinutes(10);

    private final LocalStore store;
    private final ImageCatalog catalog;
    private final ImageJson json;
    private final Supplier<List<Snapshotter>> snapshotters;
    private final Clock clock;

    /** @param snapshotters every snapshotter the store has used ({@link HostRunSteps#snapshottersOnDisk}) */
    DerivedDataPruner(LocalStore store, ImageCatalog catalog, ImageJson json, Supplier<List<Snapshotter>> snapshotters,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
        this.snapshotters = snapshotters;
        this.clock = clock;
    }

    /** Collects each snapshotter this store has used; the chain IDs removed, all snapshotters together. */
    List<Digest> prune() {
        BuildCache cache = new BuildCache(store.paths().cache(), store.content());
        new LayerIndexFiles(store.content(), cache.layerIndexDirectory()).dropOrphans(clock.instant().minus(GRACE));
        List<Snapshotter> onDisk = snapshotters.get();
        if (onDisk.isEmpty()) {
            return List.of();
        }
        Set<Digest> roots = roots(cache);
        List<Digest> removed = new ArrayList<>();
        for (Snapshotter snapshots : onDisk) {
            CollectedSnapshots collected = snapshots.collect(roots, clock.instant().minus(GRACE));
            removed.addAll(collected.removed());
        }
        return List.copyOf(removed);
    }

    /** Every prefix chain of every stored image's layers and of every cached step's config. */
    Set<Digest> roots(BuildCache cache) {
        Set<Digest> roots = new HashSet<>();
        for (StoredImage image : catalog.all()) {
            roots.addAll(ChainIds.of(image.config().rootFs().diffIds()));
        }
        for (BuildCache.Entry entry : cache.entries()) {
            config(entry.config()).ifPresent(config -> roots.addAll(ChainIds.of(config.rootFs().diffIds())));
        }
        return roots;
    }

    private Optional<ImageConfig> config(Digest digest) {
        if (store.content().info(digest).isEmpty()) {
            return Optional.empty();
        }
        try (var in = store.content().open(digest)) {
            return Optional.of(json.readConfig(in.readAllBytes(), digest.toString()));
        } catch (IOException e) {
            throw new StoreException("reading build-cache config " + digest + ": " + e.getMessage(), e);
        }
    }
}
