package dev.berth.plan;

import dev.berth.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The stages a build needs, in Dockerfile order, the target last; stages the target does not need are
 * absent. A stage only depends on earlier stages, so building in list order never waits on a later one.
 *
 * @param warnings what checking the Dockerfile found that does not stop the build
 */
public record BuildGraph(List<PlannedStage> stages, List<Diagnostic> warnings) {

    public BuildGraph {
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a build graph has at least one stage");
        }
    }

    public PlannedStage target() {
        return stages.getLast();
    }

    public Optional<PlannedStage> stage(int index) {
        return stages.stream().filter(stage -> stage.index() == index).findFirst();
    }

    public int stepCount() {
        return stages.stream().mapToInt(stage -> stage.steps().size() + 1).sum();
    }

    /** What planning refused in the stages the target needs, in step order; a graph with any is never built. */
    public List<Diagnostic> refusals() {
        return stages.stream().flatMap(stage -> stage.refusals().stream()).toList();
    }

    public PlannedStage require(int index) {
        return stage(index).orElseThrow(() -> new IllegalStateException("stage " + index + " is not planned"));
    }
}
