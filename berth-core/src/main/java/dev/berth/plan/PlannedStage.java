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
 * @param triggers the base image's ONBUILD triggers, planned in a scope of their own: they run first, after FROM
 *     (progress counts them with the FROM, as before they were planned)
 * @param refusals what planning refused in this stage's steps (a {@code --chmod} that is not octal); a stage
 *     with refusals is never built ({@link PlanChecks})
 */
public record PlannedStage(int index, Optional<String> name, BaseImage base, List<Step> triggers, List<Step> steps,
        Set<Integer> dependsOn, List<Diagnostic> refusals) {

    public PlannedStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        triggers = List.copyOf(triggers);
        if (!triggers.isEmpty() && !(base instanceof BaseImage.Image)) {
            throw new IllegalArgumentException("only a base image has ONBUILD triggers");
        }
        steps = List.copyOf(steps);
        dependsOn = java.util.Collections.unmodifiableSet(new TreeSet<>(dependsOn));
        refusals = List.copyOf(refusals);
    }

    public PlannedStage(int index, Optional<String> name, BaseImage base, List<Step> steps, Set<Integer> dependsOn) {
        this(index, name, base, List.of(), steps, dependsOn, List.of());
    }

    /** The same stage with the base image's ONBUILD triggers. */
    public PlannedStage withTriggers(List<Step> planned) {
        return new PlannedStage(index, name, base, planned, steps, dependsOn, refusals);
    }

    /** How progress names the stage: its name, else its index. */
    public String label() {
        return name.orElse("stage-" + index);
    }
}
