package dev.berth.plan;

import dev.berth.context.BuildContext;
import dev.berth.context.SourceProblem;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What a build refuses before it runs anything, beyond the Dockerfile's own errors: a COPY or ADD source that
 * the context lacks or its ignore file excludes, and a {@code --chmod} that is not octal (found by the planner,
 * {@link PlannedStage#refusals}). The build and {@code berth dockerfile check} both ask, on the stages the target
 * needs, so they refuse the same things with the same message at the same place (before, a build found an
 * excluded source only when its COPY ran, after the RUN steps before it, and the check never did).
 */
public final class PlanChecks {

    private static final String CONTEXT = "the build context";

    private PlanChecks() {
    }

    /** @param context the build context, when there is one to look in (a Dockerfile from stdin has none) */
    public static List<Diagnostic> problems(BuildGraph graph, SourceFile source, Optional<BuildContext> context) {
        WordLocator locator = new WordLocator(source);
        List<Diagnostic> problems = new ArrayList<>();
        for (PlannedStage stage : graph.stages()) {
            List<Diagnostic> refused = new ArrayList<>(stage.refusals());
            for (Step step : stage.steps()) {
                if (!(step instanceof Step.CopyStep copy)) {
                    continue;
                }
                // The planner's refusal of a mode comes first for its step: the flag is written before the sources.
                for (Iterator<Diagnostic> refusal = refused.iterator(); refusal.hasNext(); ) {
                    Diagnostic next = refusal.next();
                    if (copy.position().covers(next.range().startLine())) {
                        problems.add(next);
                        refusal.remove();
                    }
                }
                if (context.isEmpty() || !(copy.source() instanceof CopySource.Context)) {
                    continue;
                }
                for (String written : copy.sources()) {
                    if (copy.add() && Step.CopyStep.isRemote(written)) {
                        continue;
                    }
                    context.get().problem(written, CONTEXT).ifPresent(problem ->
                            problems.add(diagnostic(source, locator, copy, written, problem)));
                }
            }
            problems.addAll(refused);
        }
        return List.copyOf(problems);
    }

    private static Diagnostic diagnostic(SourceFile source, WordLocator locator, Step.CopyStep copy, String written,
            SourceProblem problem) {
        Diagnostic error = Diagnostic.error(source.name(), locator.range(location(copy.position()), written),
                problem.message());
        return problem.hint().map(error::withHint).orElse(error);
    }

    private static Location location(StepPosition position) {
        return new Location(position.startLine(), position.endLine(), position.startColumn(), position.original());
    }
}
