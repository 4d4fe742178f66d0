package dev.berth.engine.rootfs;

import dev.berth.context.BuildContext;
import dev.berth.error.BerthException;
import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.image.LayerRef;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.CopySource;
import dev.berth.plan.PlannedStage;
import dev.berth.plan.RunMount;
import dev.berth.plan.Step;
import dev.berth.sandbox.RootfsView;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The file systems of one build's stages and images that {@code COPY --from} and {@code RUN --mount from=} read.
 * Where the RUN executor makes {@linkplain RunStepExecutor#view views}, each is a read-only mount of the layers'
 * committed snapshots (which a RUN step leaves behind), made once per build and unmounted by {@link #close}:
 * nothing is copied. Otherwise (and where a view cannot be mounted) each is extracted once under
 * {@code <work>/rootfs/NAME}, and <em>ahead</em>: a stage that another stage
 * reads from has its base layers extracted on a virtual thread while its own steps run (a {@code RUN sleep 5}
 * leaves that time free), and the layers its steps add as soon as it finishes, so that the reading step
 * usually finds the tree ready. Extractions of one name are chained in layer order, so the tree always holds
 * a prefix of the layers asked for; a request whose layers do not extend what is extracted starts over in a
 * fresh directory. {@link #close} waits for (or, interrupted, abandons) what is still running.
 */
public final class RootfsExtractions implements AutoCloseable {

    /** What is extracted under a name: the tree, the layers it holds (in order) and the owners they record. */
    private record Extracted(Path root, List<LayerRef> layers, RootfsAttributes attributes) {}

    private final ContentStore content;
    private final RootfsViews viewMaker;
    private final LayerTrees trees;
    private final Path directory;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CompletableFuture<Extracted>> byName = new ConcurrentHashMap<>();
    private final AtomicInteger fresh = new AtomicInteger();
    /** Views by the layers they show; a failed or impossible one is not retried. */
    private final Map<List<LayerRef>, CompletableFuture<Optional<ExtractedRootfs>>> views = new ConcurrentHashMap<>();
    private final List<RootfsView> mounted = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param directory where the trees are made (the build's {@code work/rootfs}) */
    public RootfsExtractions(ContentStore content, RootfsViews views, Path directory, LayerTrees trees) {
        this.content = content;
        this.viewMaker = views;
        this.trees = trees;
        this.directory = directory;
    }

    /** The build's file system trees, shared with its steps. */
    public LayerTrees trees() {
        return trees;
    }

    /** The name under which stage {@code index}'s file system is extracted. */
    public static String stageName(int index) {
        return "stage-" + index;
    }

    /** The stages of {@code graph} whose files another stage reads ({@code COPY --from}, {@code RUN --mount from=}). */
    public static Set<Integer> readStages(BuildGraph graph) {
        Set<Integer> read = new TreeSet<>();
        for (PlannedStage stage : graph.stages()) {
            for (Step step : stage.steps()) {
                switch (step) {
                    case Step.CopyStep copy -> addStage(copy.source(), read);
                    case Step.RunStep run -> run.mounts().stream().map(RunMount::reads).flatMap(Optional::stream)
                            .forEach(source -> addStage(source, read));
                    case Step.ConfigStep _ -> { }
                }
            }
        }
        return read;
    }

    private static void addStage(CopySource source, Set<Integer> read) {
        if (source instanceof CopySource.StageFiles(int index)) {
            read.add(index);
        }
    }

    /**
     * Starts extracting {@code layers} under {@code name} in the background, after what was asked before; with
     * views there is nothing to do ahead.
     */
    public void extendAhead(String name, List<LayerRef> layers) {
        // A view needs the stage's last layer, and nothing else: its owners are looked up when read.
        if (!viewMaker.makesViews()) {
            chain(name, layers);
        }
    }

    /**
     * Chains the extraction of {@code layers} after what {@code name} was asked before, and returns it:
     * by the time the caller looks, another thread may have chained a later one under {@code name}.
     */
    private CompletableFuture<Extracted> chain(String name, List<LayerRef> layers) {
        return byName.compute(name, (key, previous) -> (previous == null
                ? CompletableFuture.completedFuture(empty(key))
                : previous.exceptionally(failed -> empty(key + "-" + fresh.incrementAndGet())))
                .thenApplyAsync(extracted -> extend(extracted, layers), threads));
    }

    /** The file system of {@code layers} as {@code name}, with the owners and modes the layers record; waits for it. */
    public ExtractedRootfs get(String name, List<LayerRef> layers) {
        try {
            if (viewMaker.makesViews()) {
                Optional<ExtractedRootfs> viewed = views.computeIfAbsent(List.copyOf(layers),
                        key -> CompletableFuture.supplyAsync(() -> view(key), threads)).join();
                if (viewed.isPresent()) {
                    return viewed.get();
                }
            }
            CompletableFuture<Extracted> extraction = chain(name, layers);
            Extracted extracted = extraction.join();
            return new ExtractedRootfs(BuildContext.unfiltered(extracted.root()),
                    extracted.attributes());
        } catch (CompletionException e) {
            if (e.getCause() instanceof BerthException berth) {
                throw berth;
            }
            throw new ExecutionException("extracting " + name + " for COPY --from or RUN --mount from: " + e.getCause(), e.getCause());
        }
    }

    private Optional<ExtractedRootfs> view(List<LayerRef> layers) {
        Optional<RootfsView> made;
        try {
            made = viewMaker.view(layers);
        } catch (BerthException notMounted) {
            // Too many layers for one overlay mount's options, say: the layers are extracted instead.
            return Optional.empty();
        }
        return made.map(view -> {
            mounted.add(view);
            return new ExtractedRootfs(BuildContext.unfiltered(view.root()),
                    trees.of(layers));
        });
    }

    private Extracted empty(String name) {
        return new Extracted(directory.resolve(name), List.of(), RootfsAttributes.NONE);
    }

    private Extracted extend(Extracted extracted, List<LayerRef> layers) {
        List<LayerRef> held = extracted.layers();
        boolean prefix = held.size() <= layers.size() && layers.subList(0, held.size()).equals(held);
        Path root = prefix ? extracted.root() : directory.resolve(extracted.root().getFileName() + "-" + fresh.incrementAndGet());
        List<LayerRef> missing = prefix ? layers.subList(held.size(), layers.size()) : layers;
        try {
            Files.createDirectories(root);
            if (missing.isEmpty() && prefix) {
                return extracted;
            }
            LayerExtractor extractor = new LayerExtractor(ExtractOptions.defaults(false));
            for (LayerRef layer : missing) {
                try (InputStream blob = content.open(layer.blob().digest())) {
                    extractor.extract(layer.blob().digest().toString(), blob, root);
                }
            }
        } catch (IOException e) {
            throw new StoreException("extracting " + root.getFileName() + " for COPY --from or RUN --mount from", e);
        }
        return new Extracted(root, List.copyOf(layers), trees.of(layers));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        threads.close();
        List<RuntimeException> failures = new ArrayList<>();
        for (RootfsView view : mounted) {
            try {
                view.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}
