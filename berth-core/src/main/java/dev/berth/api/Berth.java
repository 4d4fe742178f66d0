package dev.berth.api;

import dev.berth.archive.ArchiveFormat;
import dev.berth.archive.ArchiveReader;
import dev.berth.archive.ArchiveWriter;
import dev.berth.archive.LoadedImage;
import dev.berth.archive.SavedImage;
import dev.berth.container.RunRequest;
import dev.berth.engine.BuildCache;
import dev.berth.error.BerthException;
import dev.berth.error.ConflictException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.recovery.LeftoverSweeper;
import dev.berth.recovery.SweepReport;
import dev.berth.runtime.Stdio;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Berth's entry point for image commands, bound to one store root. Every method reads or changes the
 * store and returns values for a client to render; nothing here prints.
 *
 * <p>Images are found by reference ({@code busybox}, {@code busybox:1.36}), full ID ({@code sha256:…}) or
 * unique ID prefix, as Docker finds them; a name that matches nothing throws
 * {@link dev.berth.error.NotFoundException} ({@code No such image: NAME}).
 */
public final class Berth implements AutoCloseable {

    private final LocalStore store;
    private final ImageJson json = ImageJson.standard();
    private final ImageCatalog catalog;
    private final LayerSizes sizes;
    private final ImageUsage usage;
    private final Clock clock;

    private Berth(LocalStore store, ImageUsage usage, Clock clock) {
        this.store = store;
        this.catalog = new ImageCatalog(store, json);
        this.sizes = new LayerSizes(store);
        this.usage = usage;
        this.clock = clock;
    }

    /** Opens the store at {@code layout}; no container uses any image yet (there are no containers). */
    public static Berth open(StoreLayout layout, Clock clock) {
        return open(layout, ImageUsage.NO_CONTAINERS, clock);
    }

    public static Berth open(StoreLayout layout, ImageUsage usage, Clock clock) {
        return new Berth(LocalStore.open(layout, clock), usage, clock);
    }

    /** One row per name, one for each nameless image; newest first, as {@code docker images} sorts. */
    public List<ImageSummary> images() {
        List<ImageSummary> rows = new ArrayList<>();
        for (StoredImage image : catalog.all()) {
            if (image.names().isEmpty()) {
                rows.add(new ImageSummary(Optional.empty(), Optional.empty(), image.id(), image.descriptor().digest(),
                        image.config().created(), sizes.image(image)));
            }
            for (String name : image.names()) {
                FamiliarName familiar = FamiliarName.of(name);
                rows.add(new ImageSummary(Optional.of(familiar.repository()), familiar.tag(), image.id(),
                        image.descriptor().digest(), image.config().created(), sizes.image(image)));
            }
        }
        rows.sort(Comparator.comparing((ImageSummary row) -> row.created().map(c -> c.toEpochMilli()).orElse(0L))
                .reversed());
        return List.copyOf(rows);
    }

    public ImageDetails inspect(String image) {
        StoredImage stored = catalog.find(image);
        return new ImageDetailsReader().details(stored, sizes.image(stored));
    }

    /** The steps of the image's config history, newest first. */
    public List<HistoryRow> history(String image) {
        StoredImage stored = catalog.find(image);
        List<HistoryEntry> entries = stored.config().history();
        List<HistoryRow> rows = new ArrayList<>();
        int layer = 0;
        for (HistoryEntry entry : entries) {
            long size = 0;
            if (!entry.emptyLayer() && layer < stored.manifest().layers().size()) {
                size = sizes.layer(stored.manifest().layers().get(layer++));
            }
            rows.add(new HistoryRow(Optional.empty(), entry.created(), entry.createdBy(), size, entry.comment()));
        }
        if (rows.isEmpty()) {
            rows.add(new HistoryRow(Optional.empty(), stored.config().created(), "", sizes.image(stored), ""));
        }
        HistoryRow newest = rows.getLast();
        rows.set(rows.size() - 1, new HistoryRow(Optional.of(stored.id()), newest.created(), newest.createdBy(),
                newest.size(), newest.comment()));
        return List.copyOf(rows.reversed());
    }

    /** Gives the image {@code source} names the name {@code target} (moved if another image had it). */
    public void tag(String source, String target) {
        StoredImage image = catalog.find(source);
        store.images().tag(taggableName(target), image.descriptor());
    }

    /**
     * Removes a name, or the image: Docker's {@code rmi}. A reference removes that name, and the image
     * too when it was the last. An ID removes the image with all its names, which needs {@code force}
     * when it has several. An image a container uses is kept unless {@code force}.
     */
    public RemovedImage remove(String image, boolean force) {
        StoredImage stored = catalog.find(image);
        Optional<String> name = ImageCatalog.referenceName(image).filter(stored.names()::contains);
        List<String> untag = name.map(List::of).orElse(stored.names());
        if (name.isEmpty() && stored.names().size() > 1 && !force) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (must be forced) - image is referenced in multiple repositories");
        }
        // Removing one of several names is allowed even when a container uses the image, as in Docker.
        boolean deletesImage = untag.size() >= stored.names().size();
        if (deletesImage && usage.inUse(stored.id()) && !force) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (must be forced) - image is being used by a container");
        }
        untag.forEach(store.images()::untag);
        List<String> untagged = untag.stream().map(n -> FamiliarName.of(n).text()).toList();
        if (!deletesImage) {
            return new RemovedImage(untagged, List.of());
        }
        new ImagePruner(store, catalog, usage).dropDangling(List.of(stored.descriptor().digest()));
        return new RemovedImage(untagged, List.of(stored.id()));
    }

    /** Removes dangling images no container uses, or with {@code all} every image no container uses. */
    public PruneReport prune(boolean all) {
        return new ImagePruner(store, catalog, usage).prune(all);
    }

    /**
     * Makes a one-layer image from a root filesystem tarball (plain, gzip, bzip2, xz or zstd), as
     * {@code docker import} does, and names it {@code reference} when given.
     *
     * @param changes Dockerfile instructions applied to the config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
     *                ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)
     * @param message the history and config comment; Docker's default is {@code Imported from SOURCE}
     * @return the new image's ID
     */
    public Digest importRootfs(InputStream tarball, Optional<String> reference, List<String> changes, String message) {
        Optional<String> name = reference.map(Berth::taggableName);
        Digest id = new RootfsImporter(store, json, clock).importRootfs(tarball, name, ConfigChanges.parse(changes),
                message);
        unpackForRuns(catalog.find(id.toString()).descriptor().digest());
        return id;
    }

    /**
     * Runs a container from the request's image in the foreground, as {@code docker run --rm} does, and removes
     * it when it exits.
     *
     * @param runs picks the runtime and snapshotter; made on this Berth's store by {@link #hostRunSteps}
     * @return the container process's exit code
     */
    public int run(RunRequest request, HostRunSteps runs, Stdio stdio) {
        StoredImage image = catalog.find(request.image());
        List<Digest> diffIds = image.config().rootFs().diffIds();
        if (diffIds.size() != image.manifest().layers().size()) {
            throw new StoreException("image " + request.image() + " has " + image.manifest().layers().size()
                    + " layers but its config lists " + diffIds.size());
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(image.manifest().layers().get(i), diffIds.get(i)));
        }
        return runs.containerRunner().run(image.config().config(), layers, request, stdio);
    }

    /**
     * Removes what killed builds and containers left in this store (runtime containers, mounts, active
     * snapshots, bundles, work directories) whose owning process is gone; a live owner's are never touched.
     */
    public SweepReport sweepLeftovers() {
        return new LeftoverSweeper(store).sweep();
    }

    /** The host's runtime and snapshotter over this Berth's store, probed when first used. */
    public HostRunSteps hostRunSteps(Map<String, String> environment, Path runtimeState, Optional<String> runtimeName) {
        return new HostRunSteps(store, environment, runtimeState, runtimeName);
    }

    /** Writes the images to {@code out} as a {@code docker save} or OCI archive. */
    public void save(List<String> images, ArchiveFormat format, OutputStream out) {
        // One entry per image, as docker save merges arguments naming the same image.
        Map<Digest, SavedImage> saved = new LinkedHashMap<>();
        for (String image : images) {
            StoredImage stored = catalog.find(image);
            Optional<String> name = ImageCatalog.referenceName(image).filter(stored.names()::contains);
            List<String> names = new ArrayList<>();
            Optional.ofNullable(saved.get(stored.descriptor().digest())).ifPresent(s -> names.addAll(s.names()));
            names.addAll(name.map(List::of).orElse(stored.names()));
            saved.put(stored.descriptor().digest(),
                    new SavedImage(stored.descriptor().digest(), stored.manifest(), names.stream().distinct().toList()));
        }
        new ArchiveWriter(store.content(), json).write(List.copyOf(saved.values()), format, out);
    }

    /** Reads a Docker or OCI archive, verifying every blob, and lists and names what it held. */
    public List<LoadedImage> load(InputStream archive) {
        Set<Digest> before = blobs();
        List<LoadedImage> loaded;
        try {
            loaded = new ArchiveReader(store, json).load(archive);
        } catch (RuntimeException refused) {
            removeBlobsSince(before, refused);
            throw refused;
        }
        loaded.forEach(image -> unpackForRuns(image.manifest()));
        return loaded;
    }

    /**
     * Extracts a loaded or imported image's layers into snapshots, as Docker's load and import do, so that
     * the first build step or container on it finds them ({@link HostRunSteps#unpack}: overlay only).
     */
    private void unpackForRuns(Digest manifestDigest) {
        Manifest manifest = json.readManifest(catalog.blob(manifestDigest), "manifest " + manifestDigest);
        ImageConfig config = json.readConfig(catalog.blob(manifest.config().digest()),
                "config " + manifest.config().digest());
        List<Digest> diffIds = config.rootFs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            return; // refused with a clear message when a build or container uses it
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(manifest.layers().get(i), diffIds.get(i)));
        }
        try {
            hostRunSteps(Map.of(), Path.of("/run/berth"), Optional.empty()).unpack(layers);
        } catch (BerthException notUnpacked) {
            // The image is stored and tagged; the first RUN or container on it unpacks it, or says why not.
        }
    }

    /**
     * A refused load must not leave what it stored: the blobs that appeared since {@code before} and
     * that no image and no build cache entry reaches are deleted, under the collector's exclusive lock. A
     * blob another process committed is safe: loads and imports tag under the store's write guard, and a
     * build holds it from a step's layer to its cache entry and from its config to its tag, so the lock
     * waits for them and the cache is read once it is held.
     */
    private void removeBlobsSince(Set<Digest> before, RuntimeException refused) {
        try {
            List<Digest> added = blobs().stream().filter(digest -> !before.contains(digest)).toList();
            if (!added.isEmpty()) {
                store.collector().deleteUnreachable(added,
                        () -> new HashSet<>(new BuildCache(store.paths().cache(), store.content()).roots()));
            }
        } catch (RuntimeException cleanup) {
            refused.addSuppressed(cleanup);
        }
    }

    private Set<Digest> blobs() {
        Set<Digest> digests = new HashSet<>();
        store.content().list().forEach(blob -> digests.add(blob.digest()));
        return digests;
    }

    /** The full name a tag or rmi argument stands for; a digest cannot be a target. */
    private static String taggableName(String text) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw e.toInvalidInput("<argument>", 1, 1);
        }
        if (reference.digest().isPresent()) {
            throw new ConflictException("refusing to create a tag with a digest reference: " + text);
        }
        return reference.withDefaultTag().toString();
    }

    @Override
    public void close() {
        store.close();
    }
}
