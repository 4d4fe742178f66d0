package dev.berth.engine;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.ContextEntry;
import dev.berth.engine.copy.CopyContentKey;
import dev.berth.engine.copy.CopySelector;
import dev.berth.engine.copy.CopyStepExecutor;
import dev.berth.engine.copy.Ownership;
import dev.berth.engine.copy.StagePaths;
import dev.berth.engine.copy.UrlFetcher;
import dev.berth.engine.mount.BindDigests;
import dev.berth.engine.mount.MountResolver;
import dev.berth.engine.rootfs.ExtractedRootfs;
import dev.berth.engine.rootfs.LayerTrees;
import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.engine.rootfs.RootfsExtractions;
import dev.berth.engine.rootfs.RootfsFileReader;
import dev.berth.error.StepInputException;
import dev.berth.image.Digest;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImagePaths;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import dev.berth.plan.ConfigChange;
import dev.berth.plan.CopySource;
import dev.berth.plan.FileOwner;
import dev.berth.plan.OctalMode;
import dev.berth.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Executes one step on a cache miss, giving the stage's next config and layer. Executors see resolved
 * values only: RUN goes through the injected {@link RunStepExecutor}.
 */
final class StepRunner implements MountResolver.Sources {

    /** The result of a step before it is recorded: the new config and the layer, if one was made. */
    record Outcome(ImageConfig config, Optional<LayerRef> layer) {}

    private final EngineParts parts;
    private final BuildOptions options;
    private final IntFunction<StageState> finishedStage;
    private final RootfsExtractions extractions;
    /** Each source is listed once per stage, and a COPY's selection made once for its key and its layer. */
    private final Map<Path, List<ContextEntry>> listings = new HashMap<>();
    /** What this runner took from {@link RootfsExtractions}, which extracts each stage or image once per build. */
    private final Map<String, ExtractedRootfs> sources = new HashMap<>();
    private final Map<Step.CopyStep, CopyStepExecutor.Selection> selections = new IdentityHashMap<>();
    private final Map<Step.CopyStep, UrlFetcher.Download> downloads = new IdentityHashMap<>();
    /** COPY layers written while their key was computed, waiting for {@link #run}. */
    private final Map<Step.CopyStep, LayerRef> written = new IdentityHashMap<>();
    private final LayerTrees trees;

    StepRunner(EngineParts parts, BuildOptions options, IntFunction<StageState> finishedStage,
            RootfsExtractions extractions, LayerTrees trees) {
        this.trees = trees;
        this.parts = parts;
        this.extractions = extractions;
        this.options = options;
        this.finishedStage = finishedStage;
    }

    /**
     * The digest of what a COPY takes, or of what a RUN binds, for its cache key; empty for other steps.
     * When a cache hit is unlikely ({@code --no-cache}, or no earlier build of this step with the same
     * parent), the COPY's layer is written now, in the same read of the files that hashes them, and
     * {@link #run} takes it; should the key hit after all, that layer is left unreferenced for the
     * garbage collector.
     */
    Optional<Digest> sourcesDigest(Step step, StageState state, boolean hitUnlikely) {
        if (step instanceof Step.RunStep run) {
            return BindDigests.of(run.mounts(), this, options.hasher(), state.config().config().workingDir());
        }
        if (step instanceof Step.CopyStep copy && isUrlAdd(copy)) {
            return Optional.of(Digest.sha256(download(copy).digest().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (step instanceof Step.CopyStep copy) {
            CopyStepExecutor.Selection selection = select(copy, state);
            Optional<ContentHasher> hasher = copy.source() instanceof CopySource.Context ? options.hasher() : Optional.empty();
            if (hitUnlikely) {
                CopyStepExecutor.Written layer = CopyStepExecutor.write(selection, paths(state),
                        storer(), options.created(), hasher);
                written.put(copy, layer.layer());
                return Optional.of(CopyContentKey.contentDigest(selection, layer.fileDigests(), layer.hardLinks()));
            }
            return Optional.of(CopyContentKey.contentDigest(selection, CopyContentKey.hashFiles(selection, hasher),
                    CopyContentKey.hardLinks(selection)));
        }
        return Optional.empty();
    }

    /** @param beforeLayerWrite called by a RUN's executor before it writes the step's layer */
    Outcome run(Step step, StageState state, int number, boolean cmdSet, Runnable beforeLayerWrite) {
        ImageConfig config = state.config();
        return switch (step) {
            case Step.ConfigStep configStep -> {
                ImageConfig changed = ConfigApplier.apply(config, configStep.change(), Optional.of(options.created()),
                        cmdSet);
                yield configStep.change() instanceof ConfigChange.Workdir ? workdirOutcome(changed, state)
                        : new Outcome(changed, Optional.empty());
            }
            case Step.CopyStep copy -> {
                LayerRef layer = isUrlAdd(copy) ? urlLayer(copy, state) : copyLayer(copy, state);
                HistoryEntry history = new HistoryEntry(Optional.of(options.created()), copyHistory(copy), "", "", false);
                yield new Outcome(config.withLayer(layer.diffId(), history), Optional.of(layer));
            }
            case Step.RunStep run -> new RunStepRunner(parts, options, this).run(run, state, number, beforeLayerWrite);
        };
    }

    /**
     * WORKDIR: the directory and its parents made where missing, owned by USER. As BuildKit, every WORKDIR but
     * {@code /} has a layer, an empty one when the directory exists (its 32-byte layer, docker/buildx#1910).
     */
    private Outcome workdirOutcome(ImageConfig changed, StageState state) {
        String path = changed.config().workingDir();
        String what = "WORKDIR " + path;
        HistoryEntry history = new HistoryEntry(Optional.of(options.created()), what, "", "", path.equals("/"));
        if (path.equals("/")) {
            return new Outcome(changed.withEmptyLayer(history), Optional.empty());
        }
        StagePaths paths = paths(state);
        List<String> resolved = paths.resolve(path, what);
        StagePaths.DirectoryChain chain = paths.directories(resolved, Ownership.ROOT, options.created(), what);
        if (chain.madeAny() && !changed.config().user().isEmpty()) {
            chain = paths.directories(resolved, owner(FileOwner.parse(changed.config().user()), state),
                    options.created(), what);
        }
        LayerRef layer = storer().store(chain.madeAny() ? chain.entries() : List.of());
        return new Outcome(changed.withLayer(layer.diffId(), history), Optional.of(layer));
    }

    private StagePaths paths(StageState state) {
        return new StagePaths(trees.of(state.layers()));
    }

    /** Who {@code user[:group]} (a USER or a --chown) is in the stage's /etc/passwd and /etc/group: root when empty. */
    private Ownership owner(FileOwner user, StageState state) {
        return user.text().isEmpty() ? Ownership.ROOT : Ownership.resolve(user,
                new RootfsFileReader(parts.content(), RootfsFileReader.DEFAULT_MAX_BYTES), state.layers());
    }

    /** BuildKit's text: {@code COPY [--parents] [--chown=..] [--chmod=..] src... [<<NAME...] dest # buildkit}. */
    static String copyHistory(Step.CopyStep copy) {
        StringBuilder text = new StringBuilder(copy.add() ? "ADD" : "COPY");
        if (copy.parents()) {
            text.append(" --parents");
        }
        copy.chown().ifPresent(chown -> text.append(" --chown=").append(chown.text()));
        copy.chmod().ifPresent(chmod -> text.append(" --chmod=").append(chmod.written()));
        copy.sources().forEach(source -> text.append(' ').append(source));
        copy.inlineFiles().forEach(inline -> text.append(" <<").append(inline.name()));
        return text.append(' ').append(copy.destination()).append(" # buildkit").toString();
    }

    /** ADD of one URL; mixing URLs with other sources is refused rather than half supported. */
    private static boolean isUrlAdd(Step.CopyStep copy) {
        boolean anyUrl = copy.add() && copy.sources().stream().anyMatch(UrlFetcher::isUrl);
        if (anyUrl && copy.sources().size() > 1) {
            throw new StepInputException("ADD of a URL takes exactly one source",
                    Optional.of("split it into one ADD per URL"));
        }
        return anyUrl;
    }

    private UrlFetcher.Download download(Step.CopyStep copy) {
        return downloads.computeIfAbsent(copy, step -> new UrlFetcher().fetch(step.sources().getFirst(), step.checksum(),
                options.work().resolve("downloads")));
    }

    private LayerRef urlLayer(Step.CopyStep copy, StageState state) {
        int mode = copy.chmod().map(OctalMode::bits).orElse(0600);
        UrlFetcher.Download download = download(copy);
        String workingDir = state.config().config().workingDir();
        String destination = copy.destination().startsWith("/") ? copy.destination()
                : (workingDir.isEmpty() ? "/" : workingDir) + "/" + copy.destination();
        boolean intoDirectory = destination.endsWith("/")
                || paths(state).isDirectory(destination, "ADD to " + copy.destination());
        String target = ImagePaths.relative(intoDirectory ? destination + "/" + download.name() : destination);
        Ownership owner = copy.chown().map(chown -> owner(chown, state)).orElse(Ownership.ROOT);
        LayerEntry file = LayerEntry.file(target, mode, download.modified(), download.size(),
                () -> Files.newInputStream(download.file())).withOwner(owner.uid(), owner.gid());
        return storer().store(paths(state).place(List.of(file), "", owner, options.created(),
                "ADD to " + copy.destination()));
    }

    /** The COPY's layer: written already with its key, or now (its files hashed through the stat cache). */
    private LayerRef copyLayer(Step.CopyStep copy, StageState state) {
        LayerRef known = written.remove(copy);
        if (known != null) {
            return known;
        }
        Optional<ContentHasher> hasher = copy.source() instanceof CopySource.Context ? options.hasher() : Optional.empty();
        return CopyStepExecutor.write(select(copy, state), paths(state), storer(), options.created(),
                hasher).layer();
    }

    private CopyStepExecutor.Selection select(Step.CopyStep copy, StageState state) {
        CopyStepExecutor.Selection known = selections.get(copy);
        if (known != null) {
            return known;
        }
        Ownership owner = copy.chown().map(chown -> owner(chown, state)).orElse(Ownership.ROOT);
        ExtractedRootfs source = rootfs(copy.source());
        // A COPY of here-documents alone reads nothing from its source, and a stage or image is listed only where
        // the sources reach: COPY --from=build /app/bin walks no base image.
        List<ContextEntry> listing = copy.sources().isEmpty() ? List.of()
                : copy.source() instanceof CopySource.Context ? listing(copy.source())
                : source.files().listUnder(CopySelector.reachable(copy.sources()));
        CopyStepExecutor.Selection selection = CopyStepExecutor.select(copy, source, name(copy.source()), listing,
                state.config().config().workingDir(), owner, options.created(),
                path -> paths(state).isDirectory(path, "COPY to " + copy.destination()));
        selections.put(copy, selection);
        return selection;
    }

    @Override
    public BuildContext files(CopySource source) {
        return rootfs(source).files();
    }

    /** The files a COPY or bind mount takes from, with the owners and modes their layers recorded. */
    private ExtractedRootfs rootfs(CopySource source) {
        return switch (source) {
            case CopySource.Context _ -> new ExtractedRootfs(options.context(), RootfsAttributes.NONE);
            case CopySource.StageFiles(int index) -> extracted(RootfsExtractions.stageName(index),
                    finishedStage.apply(index).layers());
            case CopySource.ImageFiles(String reference) -> extracted("image-" + Digest.sha256(reference.getBytes()).shortHex(),
                    parts.resolver().resolve(reference, options.platform()).layers());
        };
    }

    @Override
    public List<ContextEntry> listing(CopySource source) {
        BuildContext files = files(source);
        return listings.computeIfAbsent(files.root(), root -> files.list());
    }

    @Override
    public String name(CopySource source) {
        return switch (source) {
            case CopySource.Context _ -> "the build context";
            case CopySource.StageFiles(int index) -> "stage " + index;
            case CopySource.ImageFiles(String reference) -> "image " + reference;
        };
    }

    @Override
    public String identity(CopySource source) {
        return switch (source) {
            case CopySource.Context _ -> "context";
            case CopySource.StageFiles(int index) -> "stage " + finishedStage.apply(index).key();
            case CopySource.ImageFiles(String reference) -> "image "
                    + parts.resolver().resolve(reference, options.platform()).manifest();
        };
    }

    private ExtractedRootfs extracted(String name, List<LayerRef> layers) {
        return sources.computeIfAbsent(name, key -> extractions.get(key, layers));
    }

    private LayerStorer storer() {
        return new LayerStorer(parts.content(), options.sourceDateEpoch());
    }
}
