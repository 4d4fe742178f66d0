package dev.berth.plan;

import dev.berth.context.BuildContext;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.CheckResult;
import dev.berth.dockerfile.check.DockerfileChecker;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.dockerfile.check.ScopedArgs;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans a build: checks and expands the Dockerfile (stopping at its errors), resolves each stage's base
 * and {@code COPY --from}, keeps only the stages the target needs, and gives each step the build args the
 * check's ARG scoping found it sees ({@link ScopedArgs}). Each instruction family is planned by its own
 * class: {@link CopyPlanner}, {@link RunPlanner}, {@link ConfigPlanner}.
 */
public final class BuildPlanner {

    private final PredefinedArgs predefined;
    private final BaseImageConfigs bases;

    /** A planner that knows no base image: no ONBUILD trigger is planned. */
    public BuildPlanner(PredefinedArgs predefined) {
        this(predefined, BaseImageConfigs.NONE);
    }

    /** @param bases the configs of base images, whose ONBUILD triggers become the first steps of their stages */
    public BuildPlanner(PredefinedArgs predefined, BaseImageConfigs bases) {
        this.predefined = Objects.requireNonNull(predefined, "predefined");
        this.bases = Objects.requireNonNull(bases, "bases");
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
        ScopedArgs args = checked.args().orElseThrow();
        Map<Integer, PlannedStage> planned = new HashMap<>();
        CopyPlanner copies = new CopyPlanner(source);
        for (Stage stage : dockerfile.stages()) {
            if (stage.index() > targetStage.index()) {
                break;
            }
            planned.put(stage.index(), planStage(stage, dockerfile, args, copies));
        }
        Set<Integer> needed = new TreeSet<>();
        collect(targetStage.index(), planned, needed);
        List<PlannedStage> stages = needed.stream().map(planned::get)
                .map(stage -> stage.withTriggers(triggers(stage.base(), buildArgs))).toList();
        RunPlanner.refuseSsh(stages, source);
        List<Diagnostic> warnings = new ArrayList<>(
                checked.diagnostics().stream().filter(d -> d.severity() != Severity.ERROR).toList());
        warnings.addAll(SecretBuildArgs.warnings(source.name(), stages));
        warnings.sort(java.util.Comparator.comparingInt(Diagnostic::line));
        return new BuildGraph(stages, warnings);
    }

    /**
     * A base image's ONBUILD triggers, planned as a stage of their own ({@code FROM scratch} and the triggers, in
     * a source named {@code ONBUILD of <image>}): they see the build args but not the stage's ARGs, and what they
     * refuse is refused there.
     */
    private List<Step> triggers(BaseImage base, Map<String, String> buildArgs) {
        if (!(base instanceof BaseImage.Image(String reference))) {
            return List.of();
        }
        List<String> triggers = bases.config(reference).map(config -> config.config().onBuild()).orElse(List.of());
        if (triggers.isEmpty()) {
            return List.of();
        }
        SourceFile source = new SourceFile("ONBUILD of " + reference,
                "FROM scratch\n" + String.join("\n", triggers) + "\n");
        BuildGraph graph = graph(source, buildArgs, Optional.empty());
        if (!graph.refusals().isEmpty()) {
            throw new InvalidInputException(graph.refusals(), source);
        }
        return graph.target().steps();
    }

    private static void collect(int index, Map<Integer, PlannedStage> planned, Set<Integer> needed) {
        if (needed.add(index)) {
            planned.get(index).dependsOn().forEach(dependency -> collect(dependency, planned, needed));
        }
    }

    private static PlannedStage planStage(Stage stage, Dockerfile dockerfile, ScopedArgs scoped, CopyPlanner copies) {
        Set<Integer> dependsOn = new HashSet<>();
        BaseImage base = baseOf(stage, dockerfile);
        if (base instanceof BaseImage.Stage(int index)) {
            dependsOn.add(index);
        }
        Function<String, CopySource> stages = reference -> copySource(reference, stage, dockerfile);
        List<Step> steps = new ArrayList<>();
        List<Diagnostic> refusals = new ArrayList<>();
        for (int i = 0; i < stage.instructions().size(); i++) {
            Instruction instruction = stage.instructions().get(i);
            StepPosition at = position(instruction.location());
            String text = stepText(instruction);
            Map<String, String> args = scoped.at(stage.index(), i);
            switch (instruction) {
                case Instruction.Run run -> {
                    Step.RunStep step = RunPlanner.plan(run, at, text, scoped.atRun(stage.index(), i), stages);
                    step.mounts().forEach(mount -> mount.reads().ifPresent(from -> {
                        if (from instanceof CopySource.StageFiles(int index)) {
                            dependsOn.add(index);
                        }
                    }));
                    steps.add(step);
                }
                case Instruction.Copy copy -> {
                    CopySource from = copy.from().map(stages).orElse(new CopySource.Context());
                    if (from instanceof CopySource.StageFiles(int index)) {
                        dependsOn.add(index);
                    }
                    steps.add(copies.copy(copy, at, text, args, from, refusals));
                }
                case Instruction.Add add -> steps.add(copies.add(add, at, text, args, refusals));
                case Instruction.From from -> throw new IllegalStateException("FROM inside a stage at line "
                        + from.location().startLine());
                case Instruction.Cmd _, Instruction.Entrypoint _, Instruction.Shell _, Instruction.Label _,
                        Instruction.Maintainer _, Instruction.Expose _, Instruction.Env _, Instruction.Volume _,
                        Instruction.User _, Instruction.Workdir _, Instruction.Onbuild _, Instruction.StopSignal _,
                        Instruction.Healthcheck _, Instruction.Arg _ ->
                        steps.add(new Step.ConfigStep(at, text, args, ConfigPlanner.change(instruction)));
            }
        }
        return new PlannedStage(stage.index(), stage.name(), base, List.of(), steps, dependsOn, refusals);
    }

    private static StepPosition position(Location location) {
        return new StepPosition(location.startLine(), location.endLine(), location.startColumn(), location.original());
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
