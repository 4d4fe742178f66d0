package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.BridgeLeftovers;
import dev.berth.error.StoreException;
import dev.berth.error.TransferException;
import dev.berth.event.ProgressListener;
import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Berth's one entry point, bound to one store (opened with {@link #open}): builds, runs containers in the
 * foreground, and lists, inspects, names, removes, imports, saves, loads and prunes images; detached containers,
 * registries, networks, volumes, execs, SBOMs and scans are groups of calls reached from here
 * ({@link #containers()}, {@link #registries()}, ...). Every method returns values for a client to render; nothing
 * here prints. What needs no store is in {@link SourceTools}, and {@link #hostInfo} says what the host offers.
 *
 * <p>Images are found by reference ({@code busybox}, {@code busybox:1.36}), full ID ({@code sha256:…}) or
 * unique ID prefix, as Docker finds them; a name that matches nothing throws
 * {@link dev.berth.error.NotFoundException} ({@code No such image: NAME}). Failures are
 * {@link dev.berth.error.BerthException}s, each with the exit code a command line gives it.
 */
public final class Berth implements AutoCloseable {

    private final LocalStore store;
    private final Settings settings;
    private final ImageJson json = ImageJson.standard();
    private final ImageCatalog catalog;
    private final ImageListing listing;
    private final HostRunSteps runs;
    private final ArchiveTransfer archives;
    private final DetachedRuns detached;
    private final BridgeAttachments bridges;
    private final Registries registries;

    private Berth(LocalStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        this.catalog = new ImageCatalog(store, json);
        this.listing = new ImageListing(catalog, new LayerSizes(store));
        this.runs = new HostRunSteps(store, settings.environment(), settings.runtimeState(), settings.runtime());
        this.archives = new ArchiveTransfer(store, json, catalog, runs);
        this.bridges = new BridgeAttachments(store.paths().containers().resolveSibling("networks"),
                settings.runtimeState().resolve("networks"), settings.clock());
        this.registries = new Registries(store, settings, catalog, archives, dev.berth.registry.RetryPolicy.STANDARD);
        this.detached = new DetachedRuns(catalog, runs, store.paths().containers(),
                settings.runtimeState().resolve("conmon"), settings.clock(), bridges);
    }

    /**
     * Local volumes: {@code berth volume create|ls|inspect|rm|prune}. Made per call, not with the façade: the volume
     * store's JSON mapper costs a fresh JVM tens of milliseconds, which a command without volumes should not pay.
     */
    public Volumes volumes() {
        return new Volumes(new dev.berth.volume.VolumeStore(store.paths().volumes(), settings.clock()),
                new dev.berth.container.ContainerRecords(store.paths().containers()));
    }

    /**
     * Opens (making it if need be) the store {@code settings} name.
     *
     * @throws StoreException when no root is given and the environment names none
     */
    public static Berth open(Settings settings) {
        StoreLayout layout = StoreLayout.resolve(settings.root(), settings.environment(), effectiveUid());
        return new Berth(LocalStore.open(layout, settings.clock()), settings);
    }

    /** The OCI runtimes on this host, the one builds and containers would use, and whether seccomp applies. */
    public static HostInfo hostInfo(Settings settings) {
        return HostProbe.probe(settings);
    }

    /**
     * Builds an image: plans the Dockerfile, runs its steps (RUN with this host's runtime, found when the first
     * RUN needs it), writes the image and the outputs asked for, and tags it when the store is among them.
     * Builds may run concurrently, in this process and others.
     *
     * @param listener told of every step as it starts, prints, hits the cache, fails or ends
     */
    public BuildResult build(BuildRequest request, ProgressListener listener) {
        return new Builder(store, runs, settings.clock(), registries::baseImages).build(request, listener);
    }

    /**
     * Pull, push, login and logout: images to and from registries, and the credentials they take.
     */
    public Registries registries() {
        return registries;
    }

    /**
     * Runs a container from the request's image in the foreground, as {@code docker run --rm} does, with the
     * runtime and snapshotter RUN steps use, and removes it when it exits.
     */
    public RunResult run(RunRequest request) {
        return new ForegroundRun(catalog, runs, bridges).run(request);
    }

    /** The store's networks: {@code berth network create|ls|inspect|rm|prune}. */
    public Networks networks() {
        return new Networks(bridges, detached::records,
                new dev.berth.container.ContainerRecords(store.paths().containers()));
    }

    /**
     * {@code berth commit}: the container's changes as a new image on top of its image, tagged as asked; returns
     * the new image's ID.
     */
    public Digest commit(CommitRequest request) {
        return new ContainerCommits(store, catalog, detached, json, settings.clock()).commit(request);
    }

    /** Detached containers: {@code berth run -d}, {@code ps}, {@code logs}, {@code stop}, {@code rm} and the rest. */
    public Containers containers() {
        return new Containers(detached);
    }

    /** {@code berth exec}: commands run in running detached containers. */
    public Execs execs() {
        return new Execs(detached);
    }

    /** One row per name, one for each nameless image; newest first, as {@code docker images} sorts. */
    public List<ImageSummary> images() {
        return listing.images();
    }

    public ImageDetails inspect(String image) {
        return listing.inspect(image);
    }

    /** The steps of the image's config history, newest first. */
    public List<HistoryRow> history(String image) {
        return listing.history(image);
    }

    /** Gives the image {@code source} names the name {@code target} (moved if another image had it). */
    public void tag(String source, String target) {
        StoredImage image = catalog.find(source);
        store.images().tag(ImageCatalog.taggableName(target), image.descriptor());
    }

    /**
     * Removes a name, or the image: Docker's {@code rmi}. A reference removes that name, and the image
     * too when it was the last. An ID removes the image with all its names, which needs {@code force}
     * when it has several. An image a container uses is kept unless {@code force}.
     */
    public RemovedImage remove(String image, boolean force) {
        RemovedImage removed = pruner().remove(image, force);
        derivedData().prune();
        return removed;
    }

    /** Removes dangling images no container uses, or with {@code all} every image no container uses. */
    public PruneReport pruneImages(boolean all) {
        PruneReport report = pruner().prune(all);
        derivedData().prune();
        return report;
    }

    /**
     * Makes a one-layer image from a root filesystem tarball, as {@code docker import} does, names it when asked,
     * and unpacks it for the first build step or container on it.
     *
     * @return the new image's ID
     * @throws TransferException when a URL cannot be downloaded
     */
    public Digest importRootfs(ImportRequest request) {
        var name = request.reference().map(ImageCatalog::taggableName);
        ConfigChanges changes = ConfigChanges.parse(request.changes());
        RootfsImporter importer = new RootfsImporter(store, json, settings.clock());
        Digest id = switch (request.source()) {
            case ImportRequest.Source.Tarball(InputStream in) -> importer.importRootfs(in, name, changes, request.message());
            case ImportRequest.Source.Url(URI url) -> {
                try (InputStream in = RootfsImporter.download(url)) {
                    yield importer.importRootfs(in, name, changes, request.message());
                } catch (IOException e) {
                    // The cause says what failed (refused, reset, an unknown host): clients print causes.
                    throw new TransferException("downloading " + url, e);
                }
            }
        };
        archives.unpackForRuns(catalog.find(id.toString()).descriptor().digest());
        return id;
    }

    /** Writes the images to {@code out} as a {@code docker save} or OCI archive; {@code out} is left open. */
    public void save(List<String> images, SaveFormat format, OutputStream out) {
        archives.save(images, format, out);
    }

    /** Reads a Docker or OCI archive, verifying every blob, and lists and names what it held. */
    public List<ArchiveImage> load(InputStream archive) {
        return archives.load(archive);
    }

    /**
     * Removes what killed builds and containers left in this store (runtime containers, mounts, active
     * snapshots, bundles, work directories) whose owning process is gone; a live owner's are never touched.
     */
    public LeftoverReport sweepLeftovers() {
        // Networks first, while a killed run's owner record still says it is gone (the sweep below removes it).
        List<String> failures = new java.util.ArrayList<>();
        List<String> networks = BridgeLeftovers.sweep(store.paths().containers(), bridges, settings.clock().instant(),
                failures);
        LeftoverReport report = new StoreUpkeep(store).sweep();
        failures.addAll(report.failures());
        List<LeftoverReport.Leftover> removed = new java.util.ArrayList<>(report.removed());
        networks.forEach(id -> removed.add(new LeftoverReport.Leftover("container", id, "network", 0,
                List.of("networks", "network namespace"))));
        return new LeftoverReport(removed, failures);
    }

    /** Empties the build cache and removes the cache mounts no build is using ({@code berth builder prune}). */
    public CachePruneReport pruneBuildCache() {
        CachePruneReport report = new StoreUpkeep(store).pruneBuildCache();
        derivedData().prune();
        return report;
    }

    /**
     * {@code berth system prune}: removes the stopped containers, then collects the store's garbage: dangling images
     * and the blobs only they use, or with {@code all} every blob no tag, container or build cache entry reaches.
     * Images that containers still use stay, dangling or not.
     */
    public SystemPruneReport pruneSystem(boolean all) {
        List<String> deleted = new ContainerPruning(detached).removeStopped();
        Set<Digest> used = new HashSet<>();
        detached.list(true).forEach(container -> used.add(container.imageId()));
        Set<Digest> inUse = new HashSet<>();
        if (!used.isEmpty()) {
            catalog.all().stream().filter(image -> used.contains(image.id()))
                    .forEach(image -> inUse.add(image.descriptor().digest()));
        }
        SystemPruneReport report = new StoreUpkeep(store).collect(all, deleted, inUse);
        derivedData().prune();
        return report;
    }

    /** The space the store takes, by category ({@code berth system df}). */
    public StoreUsage diskUsage() {
        return new StoreUpkeep(store).usage();
    }

    /** {@code berth sbom}: the packages an image holds, as SPDX or CycloneDX, read offline from its layers. */
    public Sboms sboms() {
        return new Sboms(catalog, settings.environment(), settings.clock());
    }

    /**
     * {@code berth check IMAGE}: what only a stored image shows (root user, no healthcheck while exposing ports,
     * bytes later layers delete or overwrite, setuid/setgid files, an end-of-life distribution judged by the
     * settings' clock), read offline from its layers; always complete.
     *
     * @throws dev.berth.error.NotFoundException when no image has that name or ID
     */
    public DockerfileCheck checkImage(String image) {
        return new ImageChecks(sboms(), settings.clock()).check(image);
    }

    /** {@code berth scan}: an image's packages matched against an OSV database the caller gives, offline. */
    public Scans scans() {
        return new Scans(sboms(), settings.clock());
    }

    /** Snapshots and layer indexes nothing needs any more go after every removal, as Docker's layers do. */
    private DerivedDataPruner derivedData() {
        return new DerivedDataPruner(store, catalog, json, runs::snapshottersOnDisk, settings.clock());
    }

    private ImagePruner pruner() {
        return new ImagePruner(store, catalog, settings.usage(), detached::using);
    }

    /** The owner of {@code /proc/self} is the process's effective uid, which picks the default root. */
    private static long effectiveUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException("finding the user id to choose a store root: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
