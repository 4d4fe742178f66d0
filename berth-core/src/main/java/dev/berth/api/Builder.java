package dev.berth.api;

import dev.berth.archive.HostPlatform;
import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.StatCache;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.engine.BaseImageFetcher;
import dev.berth.engine.BuildCache;
import dev.berth.engine.BuildEngine;
import dev.berth.engine.BuildOptions;
import dev.berth.engine.ImageAssembler;
import dev.berth.engine.RunStepExecutor;
import dev.berth.engine.StageState;
import dev.berth.engine.StoredBaseImages;
import dev.berth.error.StoreException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.ProgressListener;
import dev.berth.export.BuildExporter;
import dev.berth.export.BuildOutput;
import dev.berth.export.BuiltImage;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.LayerRef;
import dev.berth.image.Platform;
import dev.berth.layer.TreeRemover;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.BuildPlanner;
import dev.berth.recovery.OwnerRecord;
import dev.berth.recovery.ProcessOwner;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds images into a local store: plans the Dockerfile, runs the graph through the engine (RUN by
 * the injected executor), applies {@code --label}s, clamps times to {@code SOURCE_DATE_EPOCH}, writes
 * the image and tags it. Only the host platform can be built. Thread-safe; builds may run concurrently.
 */
final class Builder {

    private final LocalStore store;
    private final RunStepExecutor runs;
    private final Clock clock;
    private final Platform host;
    private final UpToDateBuilds upToDate;
    private final Function<PullPolicy, BaseImageFetcher> fetchers;

    public Builder(LocalStore store, RunStepExecutor runs, Clock clock) {
        this(store, runs, clock, policy -> BaseImageFetcher.LOCAL_ONLY);
    }

    /** @param fetchers the base-image fetcher for a build's pull policy (the registries', from {@link Berth}) */
    Builder(LocalStore store, RunStepExecutor runs, Clock clock, Function<PullPolicy, BaseImageFetcher> fetchers) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
        this.host = HostPlatform.platform();
        this.fetchers = fetchers;
        this.upToDate = upToDateBuilds(store);
    }

    /** Where the no-op rebuild's shortcut keeps its records: in the build cache, which {@code builder prune} empties. */
    static UpToDateBuilds upToDateBuilds(LocalStore store) {
        return new UpToDateBuilds(store.paths().cache().resolve("up-to-date"), store.paths().indexFile(), store.content());
    }

    /** The build cache of this store, shared by every build ({@code berth builder prune} empties it). */
    public BuildCache cache() {
        return new BuildCache(store.paths().cache(), store.content());
    }

    public BuildResult build(BuildRequest request, ProgressListener listener) {
        request.platform().filter(asked -> !asked.equals(host.os() + "/" + host.architecture()))
                .ifPresent(asked -> {
                    throw new UnsupportedFeatureException("cannot build for platform " + asked
                            + ": Berth builds for the host platform only (" + host.os() + "/" + host.architecture() + ")");
                });
        Path contextRoot = request.context().toAbsolutePath().normalize();
        Path dockerfilePath = request.dockerfile().map(Path::toAbsolutePath).orElse(contextRoot.resolve("Dockerfile"));
        SourceFile source = new SourceFile(displayName(dockerfilePath), request.dockerfileText()
                .orElseGet(() -> readDockerfile(dockerfilePath)));
        BuildContext context = BuildContext.open(contextRoot, Optional.of(dockerfilePath));
        Optional<UpToDateBuilds.Fingerprint> fingerprint = upToDate.fingerprint(request, dockerfilePath, source, context,
                clock.instant());
        Optional<BuildResult> replayed = fingerprint.flatMap(inputs -> upToDate.replay(inputs, context, request.tags(),
                listener));
        if (replayed.isPresent()) {
            return replayed.get();
        }
        StepRecorder steps = new StepRecorder(listener);
        BaseImageFetcher fetcher = fetchers.apply(request.pull());
        BuildGraph graph = new BuildPlanner(PredefinedArgs.building(host),
                new StoredBaseImages(store.content(), store.images(), host, fetcher))
                .plan(source, request.buildArgs(), request.target(), Optional.of(context));
        StatCache stats = StatCache.open(store.paths().cache().resolve("stat"), contextRoot);
        Path work = store.paths().buildWork().resolve(UUID.randomUUID().toString());
        // Recorded before anything is made in it, so the sweep removes the directory if this process is killed;
        // on Ctrl-C the hook removes it (the build's own finally may not run before the JVM halts).
        new OwnerRecord(ProcessOwner.current(), "build", Optional.empty(), Optional.empty()).writeFor(work);
        Thread abandon = Thread.ofPlatform().unstarted(() -> abandon(work));
        Runtime.getRuntime().addShutdownHook(abandon);
        BuildCache cache = cache();
        BuildOptions options = new BuildOptions(source, context, Optional.of(new ContentHasher(context, stats, clock)),
                request.sourceDateEpoch(), clock.instant(), request.noCache(), request.explainCache(), host, work,
                steps, request.engineSecrets());
        Throwable failed = null;
        try {
            StageState state = new BuildEngine(store.content(), store.images(), cache, runs, store::writeGuard, fetcher)
                    .build(graph, options);
            ImageConfig config = finalConfig(state.config(), request.labels(), options);
            ImageAssembler assembler = new ImageAssembler(store.content(), store.images(), ImageJson.standard());
            boolean stored = request.exports().stream().anyMatch(output -> output instanceof BuildOutput.Image);
            ImageAssembler.Assembled image;
            BuildExporter exporter = new BuildExporter(store.content(), ImageJson.standard());
            // From the config to the tag, and while files and directories are exported, no collection runs: an
            // untagged image's config and manifest are reachable from nothing until then. Not while writing to a
            // stream, whose reader (a `berth load` that then wants the collector's lock) may wait on this process.
            List<BuildOutput> streamed = request.exports().stream().filter(Builder::isStreamed).toList();
            BuiltImage built;
            try (StoreLock.Held _ = store.writeGuard()) {
                image = stored ? assembler.assemble(config, state.layers(), request.tags())
                        : assembler.write(config, state.layers());
                built = new BuiltImage(image.manifestBlob().digest(), image.manifest(),
                        state.layers().stream().map(LayerRef::diffId).toList(),
                        request.tags().stream().map(tag -> ImageReference.parse(tag).withDefaultTag().toString()).toList());
                request.exports().stream().filter(output -> !streamed.contains(output))
                        .forEach(output -> exporter.export(built, output));
            }
            streamed.forEach(output -> exporter.export(built, output));
            stats.save();
            BuildResult result = new BuildResult(image.imageId(), image.manifestBlob().digest(), request.tags(),
                    graph.warnings());
            fingerprint.ifPresent(inputs -> upToDate.remember(inputs, graph, context, steps, result));
            return result;
        } catch (Throwable failure) {
            failed = failure;
            throw failure;
        } finally {
            removeHook(abandon);
            removeScratch(work, Optional.ofNullable(failed));
        }
    }

    /**
     * Removes what a build leaves in its work directory but its step logs (a failure names them): extracted
     * stages, mount copies and secret files (each step removes its own; this catches a step that could not)
     * and downloads. Only then is the owner record deleted: until it is, a sweep after this process ends
     * removes the whole directory. A failure here is added to the build's own failure rather than hiding it.
     */
    private static void removeScratch(Path work, Optional<Throwable> buildFailure) {
        try {
            for (String scratch : List.of("rootfs", "mounts", "downloads")) {
                deleteTree(work.resolve(scratch));
            }
            OwnerRecord.deleteFor(work);
        } catch (RuntimeException cleanup) {
            if (buildFailure.isEmpty()) {
                throw cleanup;
            }
            buildFailure.get().addSuppressed(cleanup);
        }
    }

    private static boolean isStreamed(BuildOutput output) {
        return switch (output) {
            case BuildOutput.Tar(BuildOutput.Destination.Stream _),
                    BuildOutput.DockerArchive(BuildOutput.Destination.Stream _),
                    BuildOutput.OciArchive(BuildOutput.Destination.Stream _) -> true;
            default -> false;
        };
    }

    private static ImageConfig finalConfig(ImageConfig config, Map<String, String> labels, BuildOptions options) {
        ImageConfig labelled = config;
        if (!labels.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(config.config().labels());
            all.putAll(labels);
            labelled = config.withConfig(config.config().toBuilder().labels(all).build());
        }
        // As BuildKit's exporter: the image is as old as its newest history entry, so a rebuild that hits
        // the cache for every step gives the same config, hence the same image ID.
        Instant created = labelled.history().stream().flatMap(entry -> entry.created().stream())
                .max(Comparator.naturalOrder()).orElse(options.created());
        return labelled.withCreated(Optional.of(created));
    }

    private static String readDockerfile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new dev.berth.error.NotFoundException("reading Dockerfile " + path + ": " + e.getMessage(), e);
        }
    }

    private static String displayName(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** The JVM is shutting down mid-build: the work directory goes, then its record. */
    private static void abandon(Path work) {
        deleteTree(work);
        OwnerRecord.deleteFor(work);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it removes the work directory.
        }
    }

    private static void deleteTree(Path root) {
        try {
            TreeRemover.delete(root);
        } catch (IOException e) {
            throw new StoreException("removing build scratch files " + root, e);
        }
    }
}
