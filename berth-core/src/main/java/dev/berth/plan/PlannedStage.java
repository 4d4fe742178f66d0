package dev.berth.plan;

import dev.berth.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One stage of the graph: its index in the Dockerfile, its name, its base and steps, and the stages it
 * needs finished first (its base stage and every {@code COPY --from} stage).
 *
 * @param refusals what planning refused in this stage's steps (a {@code --chmod} that is not octal); a stage
 *     with refusals is never built ({@link PlanChecks})
 */
public record PlannedStage(int index, Optional<String> name, BaseImage base, List<Step> steps, Set<Integer> dependsOn,
        List<Diagnostic> refusals) {

    public PlannedStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        steps = List.copyOf(steps);
        dependsOn = java.util.Collections.unmodifiableSet(new TreeSet<>(dependsOn));
        refusals = List.copyOf(refusals);
    }

    public PlannedStage(int index, Optional<String> name, BaseImage base, List<Step> steps, Set<Integer> dependsOn) {
        this(index, name, base, steps, dependsOn, List.of());
    }

    /** How progress names the stage: its name, else its index. */
    public String label() {
        return name.orElse("stage-" + index);
    }
}
