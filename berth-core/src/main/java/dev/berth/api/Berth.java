package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.BridgeLeftovers;
import dev.berth.context.StreamedContext;
import dev.berth.diagnostic.SourceFile;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Berth's one entry point, bound to one store (opened with {@link #open}): builds, runs containers in the
 * foreground or detached (and lists, stops, removes them), and lists, inspects, names, removes, imports, saves, loads and prunes images. Every method returns
 * values for a client to render; nothing here prints. The static methods need no store: what the host offers, and
 * the Dockerfile, ignore-file and context tools behind {@code berth dockerfile}, {@code dockerignore} and
 * {@code context}.
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
     * Reads a build context given as a stream to its end ({@code berth build -}): a tar, unpacked into a
     * temporary directory, or a Dockerfile alone; told apart by content, as Docker does.
     */
    public static UnpackedContext unpackContext(InputStream stream) {
        StreamedContext context = StreamedContext.read(stream);
        return new UnpackedContext(context.directory(), context.dockerfileText());
    }

    /** The Dockerfile's syntax tree as text ({@code berth dockerfile parse}), with the parser's warnings. */
    public static DockerfileDump parseDockerfile(SourceFile source, DockerfileDump.Format format) {
        return DockerfileTools.parse(source, format);
    }

    /** A Compose project as {@code docker compose config} shows it ({@code berth compose config}). */
    public static ComposeConfig composeConfig(ComposeRequest request, ComposeView view) {
        return ComposeProjects.config(request, view);
    }

    /**
     * Every problem a build of the Dockerfile would meet before running a step, and every best practice it breaks
     * ({@code berth check}, {@code berth dockerfile check}).
     */
    public static DockerfileCheck checkDockerfile(CheckRequest request) {
        return DockerfileTools.check(request);
    }

    /**
     * The rules {@code berth check} applies: BuildKit's checks, then the best-practice rules, then the rules of
     * {@code berth check IMAGE}.
     */
    public static List<CheckRule> checkRules() {
        return java.util.stream.Stream.concat(DockerfileInspection.rules().stream(), ImageChecks.rules().stream())
                .toList();
    }

    /**
     * Expands the variables of one word as a Dockerfile instruction does ({@code berth dockerfile expand}).
     *
     * @param escape the Dockerfile's escape character, {@code \} or {@code `}
     * @throws IllegalArgumentException for another escape character
     */
    public static VariableExpansion expandWord(String input, Map<String, String> env, char escape) {
        return DockerfileTools.expandWord(input, env, escape);
    }

    /** As {@link #expandWord}, then split into words as COPY, ADD, EXPOSE and VOLUME arguments are. */
    public static VariableExpansion expandWords(String input, Map<String, String> env, char escape) {
        return DockerfileTools.expandWords(input, env, escape);
    }

    /** The patterns of an ignore file as Docker reads them: comments and blank lines dropped, cleaned, in order. */
    public static List<String> ignorePatterns(SourceFile ignoreFile) {
        return DockerfileTools.ignorePatterns(ignoreFile);
    }

    /**
     * Whether {@code patterns}, as lines of a {@code .dockerignore}, exclude {@code path}.
     *
     * @throws dev.berth.error.InvalidInputException for a pattern that is not valid
     */
    public static boolean ignores(List<String> patterns, String path) {
        return DockerfileTools.ignores(patterns, path);
    }

    /**
     * Every entry a build of {@code context} would see, in path order, its ignore file applied.
     *
     * @param dockerfile the Dockerfile, whose {@code NAME.dockerignore}, if present, replaces the context's
     */
    public static List<ContextFile> listContext(Path context, Optional<Path> dockerfile) {
        return ContextFiles.list(context, dockerfile);
    }

    /** Whether a build of {@code context} would leave {@code path} out, and which ignore-file line says so. */
    public static ContextExclusion explainExclusion(Path context, Optional<Path> dockerfile, String path) {
        return ContextFiles.explain(context, dockerfile, path);
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

    /**
     * {@code berth run -d}: makes the container and starts it under its own conmon, so it outlives this process;
     * returns once its process runs. The request's streams are not used (output goes to the container's log).
     *
     * @param name   {@code --name}; generated when empty
     * @param labels {@code --label}, over the image's labels
     * @param autoRemove {@code --rm}: removed when its process exits
     * @throws dev.berth.error.ConflictException when the name is taken
     */
    public ContainerSummary runDetached(RunRequest request, Optional<String> name, Map<String, String> labels,
            boolean autoRemove) {
        return detached.run(request, name, labels, autoRemove);
    }

    /** The store's networks: {@code berth network create|ls|inspect|rm|prune}. */
    public Networks networks() {
        return new Networks(bridges, detached::records,
                new dev.berth.container.ContainerRecords(store.paths().containers()));
    }

    /** {@code berth port}: the ports a running container publishes, by container port; empty once stopped. */
    public List<PortBinding> ports(String container) {
        return detached.ports(container);
    }

    /**
     * {@code berth ps}: the running detached containers, or with {@code all} every one; newest first. Containers
     * are found by full ID, name or unique ID prefix ({@code No such container: X} otherwise).
     */
    public List<ContainerSummary> containers(boolean all) {
        return detached.list(all);
    }

    /**
     * {@code berth ps --filter}: the containers {@code filter} lets through, newest first, by Docker's rules (a
     * {@code status=} filter lists stopped containers without {@code all}).
     *
     * @throws dev.berth.error.NotFoundException when {@code before=} or {@code since=} names no container
     */
    public List<ContainerSummary> containers(boolean all, ContainerFilter filter) {
        return detached.list(all, filter);
    }

    /** The container as {@code ps} shows it (its health included). */
    public ContainerSummary container(String container) {
        return detached.inspect(container);
    }

    /** {@code berth inspect CONTAINER}: state times, restart policy and count, healthcheck and health state. */
    public ContainerDetails inspectContainer(String container) {
        return detached.details(container);
    }

    /** {@code berth logs}: what the container wrote; with {@code follow}, until it exits. */
    public void logs(String container, LogsRequest request, ContainerOutput output) {
        detached.logs(container, request, output);
    }

    /** {@code berth start}: a created or exited container again; a running one is left as it is. */
    public ContainerSummary startContainer(String container) {
        return detached.start(container);
    }

    /** {@code berth stop}: its stop signal, then SIGKILL after {@code timeout} (10 s when empty). */
    public ContainerSummary stop(String container, Optional<Duration> timeout) {
        return detached.stop(container, timeout);
    }

    /** {@code berth kill}: {@code signal} (KILL when empty); refused for a container that is not running. */
    public ContainerSummary kill(String container, Optional<String> signal) {
        return detached.kill(container, signal);
    }

    /** {@code berth rm}: refused for a running container unless {@code force}, which kills it first. */
    /** {@code rm [-f] -v}: with {@code volumes}, the container's anonymous volumes go too. */
    public void removeContainer(String container, boolean force, boolean volumes) {
        detached.remove(container, force, volumes);
    }

    public void removeContainer(String container, boolean force) {
        detached.remove(container, force);
    }

    /** {@code berth wait}: blocks until the container is not running; its exit code (0 if never started). */
    public int waitContainer(String container) {
        return detached.waitFor(container);
    }

    /**
     * {@code berth commit}: the container's changes as a new image on top of its image, tagged as asked; returns
     * the new image's ID.
     */
    public Digest commit(CommitRequest request) {
        return new ContainerCommits(store, catalog, detached, json, settings.clock()).commit(request);
    }

    /**
     * {@code berth attach}: this process's standard streams joined to the running container's (its terminal, with
     * {@code run -t}); returns the container's exit code, or 0 when ctrl-p ctrl-q detached.
     */
    public int attach(String container) {
        return new ContainerAttachment(detached).attach(container);
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
        LeftoverReport report = new StoreUpkeep(store).sweep();
        List<String> failures = new java.util.ArrayList<>(report.failures());
        List<LeftoverReport.Leftover> removed = new java.util.ArrayList<>(report.removed());
        BridgeLeftovers.sweep(store.paths().containers(), bridges, settings.clock().instant(), failures)
                .forEach(id -> removed.add(new LeftoverReport.Leftover("container", id, "network", 0,
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
        List<String> deleted = detached.removeStopped();
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
