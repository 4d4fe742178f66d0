package dev.berth.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One stage of the graph: its index in the Dockerfile, its name, its base and steps, and the stages it
 * needs finished first (its base stage and every {@code COPY --from} stage).
 */
public record PlannedStage(int index, Optional<String> name, BaseImage base, List<Step> steps, Set<Integer> dependsOn) {

    public PlannedStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        steps = List.copyOf(steps);
        dependsOn = java.util.Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    /** How progress names the stage: its name, else its index. */
    public String label() {
        return name.orElse("stage-" + index);
    }
}
