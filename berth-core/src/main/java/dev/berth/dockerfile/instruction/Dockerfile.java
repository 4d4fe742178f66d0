package dev.berth.dockerfile.instruction;

import dev.berth.dockerfile.syntax.Directive;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile made of typed instructions: its parser directives, the ARGs before the first FROM
 * (visible to FROM lines only) and its stages, at least one. Variables are not yet expanded.
 */
public record Dockerfile(List<Directive> directives, List<Instruction.Arg> globalArgs, List<Stage> stages) {

    public Dockerfile {
        directives = List.copyOf(directives);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile has at least one stage");
        }
    }

    /** The first stage with this name (case-insensitive), or the stage with this index when it is a number. */
    public Optional<Stage> stage(String reference) {
        if (!reference.isEmpty() && reference.chars().allMatch(Character::isDigit) && reference.length() < 10) {
            int index = Integer.parseInt(reference);
            return index < stages.size() ? Optional.of(stages.get(index)) : Optional.empty();
        }
        return stages.stream().filter(stage -> stage.isNamed(reference)).findFirst();
    }
}
