package dev.berth.plan;

import dev.berth.context.BuildContext;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.CheckResult;
import dev.berth.dockerfile.check.DockerfileChecker;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Mount;
import dev.berth.dockerfile.instruction.NetworkMode;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.syntax.Heredoc;
import dev.berth.error.InvalidInputException;
import dev.berth.error.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a build: checks and expands the Dockerfile (stopping at its errors), resolves each stage's base
 * and {@code COPY --from}, keeps only the stages the target needs, and tracks which build args each
 * step sees: a stage ARG takes the build arg, else its default, else the global ARG's value.
 */
public final class BuildPlanner {

    private final PredefinedArgs predefined;

    public BuildPlanner(PredefinedArgs predefined) {
        this.predefined = Objects.requireNonNull(predefined, "predefined");
    }

    /**
     * @param target the stage to build; the last one when empty
     * @throws InvalidInputException with every error of the Dockerfile, or for an unknown target
     */
    public BuildGraph plan(SourceFile source, Map<String, String> buildArgs, Optional<String> target) {
        return graph(source, buildArgs, target);
    }

    /**
     * As {@link #plan(SourceFile, Map, Optional)}, and every COPY and ADD source of the stages the target needs
     * is looked up in {@code context}: a missing or ignored one is refused now, before anything runs
     * ({@link PlanChecks}).
     */
    public BuildGraph plan(SourceFile source, Map<String, String> buildArgs, Optional<String> target,
            Optional<BuildContext> context) {
        BuildGraph graph = graph(source, buildArgs, target);
        List<Diagnostic> refused = PlanChecks.problems(graph, source, context);
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused, source);
        }
        return graph;
    }

    private BuildGraph graph(SourceFile source, Map<String, String> buildArgs, Optional<String> target) {
        CheckResult checked = new DockerfileChecker(predefined).check(source, buildArgs, target);
        List<Diagnostic> errors = checked.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty() || checked.expanded().isEmpty()) {
            throw new InvalidInputException(errors.isEmpty()
                    ? List.of(Diagnostic.error(source.name(), SourceRange.line(1), "the Dockerfile has no stage"))
                    : errors, source);
        }
        Dockerfile dockerfile = checked.expanded().get();
        Stage targetStage = target.map(name -> dockerfile.stages().stream().filter(s -> s.isNamed(name)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(Diagnostic.error(source.name(), SourceRange.line(1),
                                "target stage \"" + name + "\" could not be found"), source)))
                .orElse(dockerfile.stages().getLast());
        Map<String, String> globals = globalArgs(dockerfile, buildArgs);
        Map<Integer, PlannedStage> planned = new HashMap<>();
        for (Stage stage : dockerfile.stages()) {
            if (stage.index() > targetStage.index()) {
                break;
            }
            planned.put(stage.index(), planStage(stage, dockerfile, buildArgs, globals));
        }
        Set<Integer> needed = new TreeSet<>();
        collect(targetStage.index(), planned, needed);
        List<PlannedStage> stages = needed.stream().map(planned::get).toList();
        refuseSsh(stages, source);
        List<Diagnostic> warnings = checked.diagnostics().stream().filter(d -> d.severity() != Severity.ERROR).toList();
        return new BuildGraph(stages, warnings);
    }

    private static void collect(int index, Map<Integer, PlannedStage> planned, Set<Integer> needed) {
        if (needed.add(index)) {
            planned.get(index).dependsOn().forEach(dependency -> collect(dependency, planned, needed));
        }
    }

    private Map<String, String> globalArgs(Dockerfile dockerfile, Map<String, String> buildArgs) {
        Map<String, String> globals = new HashMap<>(predefined.platform());
        for (Instruction.Arg arg : dockerfile.globalArgs()) {
            for (ArgDeclaration declaration : arg.declarations()) {
                Optional.ofNullable(buildArgs.get(declaration.name())).or(declaration::defaultValue)
                        .ifPresent(value -> globals.put(declaration.name(), value));
            }
        }
        return globals;
    }

    private PlannedStage planStage(Stage stage, Dockerfile dockerfile, Map<String, String> buildArgs,
            Map<String, String> globals) {
        Set<Integer> dependsOn = new HashSet<>();
        BaseImage base = baseOf(stage, dockerfile);
        if (base instanceof BaseImage.Stage(int index)) {
            dependsOn.add(index);
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Instruction instruction : stage.instructions()) {
            String text = stepText(instruction);
            switch (instruction) {
                case Instruction.Arg arg -> {
                    for (ArgDeclaration declaration : arg.declarations()) {
                        String name = declaration.name();
                        Optional.ofNullable(buildArgs.get(name)).or(declaration::defaultValue)
                                .or(() -> Optional.ofNullable(globals.get(name)))
                                .ifPresent(value -> args.put(name, value));
                    }
                    steps.add(new Step.ConfigStep(arg.location(), text, args, arg));
                }
                case Instruction.Run run -> {
                    List<RunMount> mounts = runMounts(run, stage, dockerfile);
                    mounts.forEach(mount -> mount.from().ifPresent(from -> {
                        if (from instanceof CopySource.StageFiles(int index)) {
                            dependsOn.add(index);
                        }
                    }));
                    steps.add(new Step.RunStep(run.location(), text, withProxies(args, buildArgs), run.command(),
                            run.network().orElse(NetworkMode.DEFAULT), mounts));
                }
                case Instruction.Copy copy -> {
                    CopySource from = copy.from().map(reference -> copySource(reference, stage, dockerfile))
                            .orElse(new CopySource.Context());
                    if (from instanceof CopySource.StageFiles(int index)) {
                        dependsOn.add(index);
                    }
                    steps.add(new Step.CopyStep(copy.location(), text, args, false, from, copy.sources(),
                            copy.destination(), copy.chown(), copy.chmod(), copy.exclude(), copy.parents(), copy.link(),
                            Optional.empty(), inlineFiles(copy.heredocs())));
                }
                case Instruction.Add add -> steps.add(new Step.CopyStep(add.location(), text, args, true,
                        new CopySource.Context(), add.sources(), add.destination(), add.chown(), add.chmod(),
                        add.exclude(), false, add.link(), add.checksum(), inlineFiles(add.heredocs())));
                case Instruction.From from -> throw new IllegalStateException("FROM inside a stage at line "
                        + from.location().startLine());
                case Instruction.Cmd _, Instruction.Entrypoint _, Instruction.Shell _, Instruction.Label _,
                        Instruction.Maintainer _, Instruction.Expose _, Instruction.Env _, Instruction.Volume _,
                        Instruction.User _, Instruction.Workdir _, Instruction.Onbuild _, Instruction.StopSignal _,
                        Instruction.Healthcheck _ ->
                        steps.add(new Step.ConfigStep(instruction.location(), text, args, instruction));
            }
        }
        return new PlannedStage(stage.index(), stage.name(), base, steps, dependsOn);
    }

    /** COPY and ADD here-documents, expanded already where their delimiter was not quoted. */
    private static List<InlineFile> inlineFiles(List<Heredoc> heredocs) {
        return heredocs.stream().map(heredoc -> new InlineFile(heredoc.name(), heredoc.chompedContent())).toList();
    }

    /** Proxy build args reach RUN without an ARG line, as in Docker. */
    private static Map<String, String> withProxies(Map<String, String> args, Map<String, String> buildArgs) {
        Map<String, String> visible = new LinkedHashMap<>(args);
        buildArgs.forEach((name, value) -> {
            if (PredefinedArgs.PROXIES.contains(name)) {
                visible.putIfAbsent(name, value);
            }
        });
        return visible;
    }

    private static BaseImage baseOf(Stage stage, Dockerfile dockerfile) {
        String image = stage.from().image();
        if (image.equalsIgnoreCase("scratch")) {
            return new BaseImage.Scratch();
        }
        return dockerfile.stages().stream()
                .filter(earlier -> earlier.index() < stage.index() && earlier.isNamed(image))
                .findFirst()
                .<BaseImage>map(earlier -> new BaseImage.Stage(earlier.index()))
                .orElse(new BaseImage.Image(image));
    }

    /** The mounts of a RUN with {@code from} resolved as COPY's: a bind mount reads the context by default. */
    private static List<RunMount> runMounts(Instruction.Run run, Stage stage, Dockerfile dockerfile) {
        List<RunMount> mounts = new ArrayList<>();
        for (Mount mount : run.mounts()) {
            Optional<CopySource> from = switch (mount) {
                case Mount.Bind bind -> Optional.of(bind.from().map(reference -> copySource(reference, stage, dockerfile))
                        .orElse(new CopySource.Context()));
                case Mount.Cache cache -> cache.from().map(reference -> copySource(reference, stage, dockerfile));
                case Mount.Tmpfs _, Mount.Secret _, Mount.Ssh _ -> Optional.empty();
            };
            mounts.add(new RunMount(mount, from));
        }
        return List.copyOf(mounts);
    }

    /** SSH agent forwarding is refused before anything runs, for the stages the target needs only. */
    private static void refuseSsh(List<PlannedStage> stages, SourceFile source) {
        for (PlannedStage stage : stages) {
            for (Step step : stage.steps()) {
                if (step instanceof Step.RunStep run
                        && run.mounts().stream().anyMatch(mount -> mount.mount() instanceof Mount.Ssh)) {
                    throw new UnsupportedFeatureException(source.name() + ":" + run.location().startLine()
                            + ": RUN --mount=type=ssh is not supported: Berth does not forward an SSH agent into RUN "
                            + "steps yet");
                }
            }
        }
    }

    /** A stage name or index of an earlier stage names that stage; anything else is an image. */
    private static CopySource copySource(String reference, Stage stage, Dockerfile dockerfile) {
        return dockerfile.stage(reference).filter(found -> found.index() < stage.index())
                .<CopySource>map(found -> new CopySource.StageFiles(found.index()))
                .orElse(new CopySource.ImageFiles(reference));
    }

    /** The instruction as progress shows it: keyword upper case, the rest as written on its first line. */
    private static String stepText(Instruction instruction) {
        String original = instruction.location().original().strip();
        int space = original.indexOf(' ');
        String keyword = (space < 0 ? original : original.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : original.substring(space + 1).strip();
        String text = rest.isEmpty() ? keyword : keyword + " " + rest;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
