package dev.berth.engine;

import dev.berth.engine.mount.CacheMounts;
import dev.berth.engine.rootfs.LayerTrees;
import dev.berth.engine.rootfs.RootfsExtractions;
import dev.berth.error.BerthException;
import dev.berth.error.InvalidInputException;
import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.event.BuildEvent;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.StandardMediaType;
import dev.berth.plan.BaseImage;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.ConfigChange;
import dev.berth.plan.PlannedStage;
import dev.berth.plan.Step;
import dev.berth.plan.StepKey;
import dev.berth.store.ContentStore;
import dev.berth.store.OciLayout;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a build graph: each stage on its own virtual thread, waiting for the stages it needs (its base,
 * its {@code COPY --from} sources), so independent stages build in parallel. For each step the cache key
 * is computed once; a hit reuses the stored config and layer and runs nothing, a miss runs the step's
 * executor and records the result. Gives the target stage's final state; assembling the image is the
 * caller's ({@link ImageAssembler}).
 */
public final class BuildEngine {

    /** BuildKit's default PATH for Linux, set on FROM scratch and when a base image has none. */
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final EngineParts parts;

    /**
     * @param writeGuard the store's write guard ({@code LocalStore.writeGuard}): each step holds it from its
     *     first blob to its cache entry ({@link StepGuard}), so a garbage collection in any process waits for
     *     the writing in progress instead of removing a layer that is written but not yet recorded
     */
    public BuildEngine(ContentStore content, OciLayout images, BuildCache cache, RunStepExecutor runs,
            Supplier<StoreLock.Held> writeGuard) {
        this(content, images, cache, runs, writeGuard, BaseImageFetcher.LOCAL_ONLY);
    }

    /** @param fetcher pulls base images the store lacks (or every one, under {@code --pull=always}) */
    public BuildEngine(ContentStore content, OciLayout images, BuildCache cache, RunStepExecutor runs,
            Supplier<StoreLock.Held> writeGuard, BaseImageFetcher fetcher) {
        ImageJson json = ImageJson.standard();
        this.parts = new EngineParts(content, cache, runs, new BaseImageResolver(content, images, json, fetcher), json,
                new CacheMounts(cache.mountsDirectory()), writeGuard);
    }

    /**
     * Builds every stage of {@code graph} and returns the target's final state. The first stage to fail ends
     * the build at once: the other stages are interrupted (their running RUNs canceled, their sandboxes
     * released) and waited for, and that failure is thrown, whichever stage the target would await first.
     */
    public StageState build(BuildGraph graph, BuildOptions options) {
        if (!graph.refusals().isEmpty()) {
            // Planned without PlanChecks: what the planner refused is never built.
            throw new InvalidInputException(graph.refusals(), options.dockerfile());
        }
        Map<Integer, Future<StageState>> stages = new ConcurrentHashMap<>();
        AtomicInteger counter = new AtomicInteger();
        CompletableFuture<StageState> outcome = new CompletableFuture<>();
        int target = graph.target().index();
        Set<Integer> read = RootfsExtractions.readStages(graph);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try (RootfsExtractions extractions = new RootfsExtractions(parts.content(), parts.runs(), options.work().resolve("rootfs"),
                new LayerTrees(parts.content(), parts.cache().layerIndexDirectory()))) {
            for (PlannedStage stage : graph.stages()) {
                stages.put(stage.index(), executor.submit(() -> {
                    try {
                        for (int dependency : stage.dependsOn()) {
                            await(stages.get(dependency));
                        }
                        Optional<RootfsExtractions> ahead = read.contains(stage.index())
                                ? Optional.of(extractions) : Optional.empty();
                        StageState state = buildStage(stage, options, counter, index -> await(stages.get(index)),
                                extractions, ahead);
                        if (stage.index() == target) {
                            outcome.complete(state);
                        }
                        return state;
                    } catch (RuntimeException | Error failed) {
                        // The first failure wins; a stage that fails because of it (interrupted, or awaiting
                        // the failed stage) comes later and changes nothing.
                        outcome.completeExceptionally(failed);
                        throw failed;
                    }
                }));
            }
            try {
                return await(outcome);
            } finally {
                executor.shutdownNow();
                executor.close();
            }
        }
    }

    /**
     * @param ahead where to extract this stage's file system ahead of the steps that read it (another stage's
     *     {@code COPY --from}), when one does: its base layers while its steps run, the rest when it ends
     */
    private StageState buildStage(PlannedStage stage, BuildOptions options, AtomicInteger counter,
            java.util.function.IntFunction<StageState> finished, RootfsExtractions extractions,
            Optional<RootfsExtractions> ahead) {
        int total = stage.steps().size() + 1;
        int fromStep = counter.incrementAndGet();
        long started = System.nanoTime();
        String baseText = switch (stage.base()) {
            case BaseImage.Scratch _ -> "scratch";
            case BaseImage.Image(String reference) -> reference;
            case BaseImage.Stage(int index) -> "stage " + index;
        };
        options.listener().on(new BuildEvent.StepStarted(fromStep, "[" + stage.label() + " 1/" + total + "] FROM " + baseText));
        StageState state;
        // The base image's ONBUILD triggers, planned with the build, run first.
        List<Step> steps = new ArrayList<>(stage.triggers());
        try {
            state = switch (stage.base()) {
                case BaseImage.Scratch _ -> new StageState(scratch(options), List.of(),
                        StepKey.base(Optional.empty(), options.platform().toString()), Optional.empty());
                case BaseImage.Stage(int index) -> finished.apply(index);
                case BaseImage.Image(String reference) -> {
                    BaseImageResolver.Resolved base = parts.resolver().resolve(reference, options.platform(),
                            line -> options.listener().on(new BuildEvent.StepOutput(fromStep, line)));
                    ImageConfig config = withDefaultPath(base.config());
                    // Triggers run in this build only: the image built here does not inherit them.
                    if (!config.config().onBuild().isEmpty()) {
                        config = config.withConfig(config.config().toBuilder().onBuild(List.of()).build());
                    }
                    yield new StageState(config, base.layers(),
                            StepKey.base(Optional.of(base.manifest()), options.platform().toString()),
                            Optional.of(base.manifest()));
                }
            };
        } catch (StepInputException invalid) {
            throw StepFailures.invalidBase(options.dockerfile(), stage, invalid);
        }
        options.listener().on(new BuildEvent.StepDone(fromStep, Duration.ofNanos(System.nanoTime() - started)));
        String name = RootfsExtractions.stageName(stage.index());
        if (!state.layers().isEmpty()) {
            StageState base = state;
            ahead.ifPresent(early -> early.extendAhead(name, base.layers()));
        }
        steps.addAll(stage.steps());
        StepRunner runner = new StepRunner(parts, options, finished, extractions, extractions.trees());
        boolean cmdSet = false;
        int position = 1;
        for (Step step : steps) {
            position++;
            int number = counter.incrementAndGet();
            long stepStarted = System.nanoTime();
            options.listener().on(new BuildEvent.StepStarted(number,
                    "[" + stage.label() + " " + Math.min(position, total) + "/" + total + "] " + step.text()));
            try {
                state = runStep(step, state, number, cmdSet, runner, options, stage.label() + "#" + position);
            } catch (StepInputException invalid) {
                options.listener().on(new BuildEvent.StepFailed(number, invalid.getMessage()));
                throw StepFailures.invalid(options.dockerfile(), step.position(), invalid);
            } catch (BerthException failed) {
                options.listener().on(stopped(failed) ? new BuildEvent.StepCanceled(number)
                        : new BuildEvent.StepFailed(number, failed.getMessage()));
                throw failed;
            }
            cmdSet |= step instanceof Step.ConfigStep config && config.change() instanceof ConfigChange.Cmd;
            options.listener().on(new BuildEvent.StepDone(number, Duration.ofNanos(System.nanoTime() - stepStarted)));
        }
        StageState last = state;
        ahead.ifPresent(early -> early.extendAhead(name, last.layers()));
        return state;
    }

    private StageState runStep(Step step, StageState state, int number, boolean cmdSet, StepRunner runner,
            BuildOptions options, String identity) {
        try (StepGuard guard = new StepGuard(parts.writeGuard())) {
            if (!(step instanceof Step.RunStep)) {
                // A COPY may write its layer while it computes its key; a RUN holds it once its container is done.
                guard.hold();
            }
            return runGuardedStep(step, state, number, cmdSet, runner, options, identity, guard);
        }
    }

    private StageState runGuardedStep(Step step, StageState state, int number, boolean cmdSet, StepRunner runner,
            BuildOptions options, String identity, StepGuard guard) {
        StepKey withoutSources = StepKey.of(state.key(), step, cmdSet, options.platform().toString(), Optional.empty());
        boolean hitUnlikely = step instanceof Step.CopyStep && (options.noCache()
                || !sameStepAsLastBuild(identity, withoutSources));
        StepKey key = withoutSources.withSources(runner.sourcesDigest(step, state, hitUnlikely));
        Digest digest = key.digest();
        if (!options.noCache()) {
            Optional<BuildCache.Entry> hit = parts.cache().lookup(digest);
            if (hit.isPresent()) {
                options.listener().on(new BuildEvent.StepCached(number));
                return state.next(readConfig(hit.get().config()), hit.get().layer(), digest);
            }
        }
        if (options.explainCache()) {
            options.listener().on(new BuildEvent.CacheMissExplained(number,
                    CacheExplainer.explain(parts.cache().lastInputs(identity), key.describe())));
        }
        StepRunner.Outcome outcome = runner.run(step, state, number, cmdSet, guard::hold);
        guard.hold();
        Digest config = BlobWriter.put(parts.content(), StandardMediaType.OCI_CONFIG,
                parts.json().write(outcome.config())).digest();
        parts.cache().record(digest, new BuildCache.Entry(config, outcome.layer()), identity, key.describe());
        return state.next(outcome.config(), outcome.layer(), digest);
    }

    /**
     * Whether this step's last build (same stage and position) had the same parent, fields, args
     * and platform as {@code withoutSources}: only then is a hit likely enough that a COPY should hash
     * its files before writing its layer.
     */
    private boolean sameStepAsLastBuild(String identity, StepKey withoutSources) {
        return parts.cache().lastInputs(identity)
                .map(last -> withoutSourcesLine(last).equals(withoutSourcesLine(withoutSources.describe())))
                .orElse(false);
    }

    private static String withoutSourcesLine(String inputs) {
        int sources = inputs.lastIndexOf("\nsources ");
        return sources < 0 ? inputs : inputs.substring(0, sources);
    }

    private ImageConfig readConfig(Digest digest) {
        try (InputStream in = parts.content().open(digest)) {
            return parts.json().readConfig(in.readAllBytes(), "cached config " + digest);
        } catch (IOException e) {
            throw new StoreException("reading cached config " + digest, e);
        }
    }

    /**
     * The empty image Docker starts {@code FROM scratch} with: the platform and the default PATH, and no
     * working directory ({@code docker image inspect} shows {@code "WorkingDir": ""} until a WORKDIR).
     */
    private static ImageConfig scratch(BuildOptions options) {
        ImageConfig empty = ImageConfig.empty(options.platform());
        return empty.withConfig(ContainerConfig.builder().env(List.of(DEFAULT_PATH)).build());
    }

    private static ImageConfig withDefaultPath(ImageConfig config) {
        if (config.config().env().stream().anyMatch(entry -> entry.startsWith("PATH="))) {
            return config;
        }
        List<String> env = new ArrayList<>(config.config().env());
        env.add(DEFAULT_PATH);
        return config.withConfig(config.config().toBuilder().env(env).build());
    }

    /** Whether a step failed only because its thread was interrupted: the build is ending over another error. */
    private static boolean stopped(BerthException failed) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static StageState await(Future<StageState> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.berth.error.ExecutionException("build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BerthException berth) {
                throw berth;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new dev.berth.error.ExecutionException("building a stage: " + e.getCause(), e.getCause());
        }
    }
}
