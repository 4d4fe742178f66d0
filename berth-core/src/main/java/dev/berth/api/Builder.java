package dev.berth.api;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.StatCache;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.engine.BuildCache;
import dev.berth.engine.BuildEngine;
import dev.berth.engine.BuildOptions;
import dev.berth.engine.ImageAssembler;
import dev.berth.engine.LayerRef;
import dev.berth.engine.RunStepExecutor;
import dev.berth.engine.StageState;
import dev.berth.error.StoreException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.ProgressListener;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.Platform;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.BuildPlanner;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds images into a local store: plans the Dockerfile, runs the graph through the engine (RUN by
 * the injected executor), applies {@code --label}s, clamps times to {@code SOURCE_DATE_EPOCH}, writes
 * the image and tags it. Only the host platform can be built. Thread-safe; builds may run concurrently.
 */
public final class Builder {

    private final LocalStore store;
    private final RunStepExecutor runs;
    private final Clock clock;
    private final Platform host;

    public Builder(LocalStore store, RunStepExecutor runs, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
        this.host = hostPlatform();
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
        BuildGraph graph = new BuildPlanner(PredefinedArgs.LINUX_AMD64).plan(source, request.buildArgs(), request.target());
        BuildContext context = BuildContext.open(contextRoot, Optional.of(dockerfilePath));
        StatCache stats = StatCache.open(store.paths().cache().resolve("stat"), contextRoot);
        Path work = store.paths().cache().resolve("builds").resolve(UUID.randomUUID().toString());
        BuildCache cache = cache();
        BuildOptions options = new BuildOptions(source, context, Optional.of(new ContentHasher(context, stats, clock)),
                request.sourceDateEpoch(), clock.instant(), request.noCache(), request.explainCache(), host, work,
                request.buildArgs(), listener, request.secrets());
        try {
            StageState state = new BuildEngine(store.content(), store.images(), cache, runs).build(graph, options);
            ImageConfig config = finalConfig(state.config(), request.labels(), options);
            ImageAssembler.Assembled image = new ImageAssembler(store.content(), store.images(), ImageJson.standard())
                    .assemble(config, state.layers(), request.tags());
            request.localOutput().ifPresent(dest -> export(state, dest));
            stats.save();
            return new BuildResult(image.imageId(), image.manifest().digest(), config, request.tags(), graph.warnings());
        } finally {
            deleteTree(work.resolve("rootfs"));
            // Each step removes its own copies and secret files; this catches a step that could not.
            deleteTree(work.resolve("mounts"));
        }
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

    private void export(StageState state, Path dest) {
        try {
            Files.createDirectories(dest);
            LayerExtractor extractor = new LayerExtractor(ExtractOptions.defaults(false));
            for (LayerRef layer : state.layers()) {
                try (InputStream blob = store.content().open(layer.blob().digest())) {
                    extractor.extract(layer.blob().digest().toString(), blob, dest);
                }
            }
        } catch (IOException e) {
            throw new StoreException("writing the local output to " + dest, e);
        }
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

    private static Platform hostPlatform() {
        String arch = System.getProperty("os.arch");
        return Platform.of("linux", switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        });
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StoreException("removing build scratch files " + root, e);
        }
    }
}
