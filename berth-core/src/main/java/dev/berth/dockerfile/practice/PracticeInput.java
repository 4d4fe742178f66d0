package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Stage;
import java.util.List;
import java.util.Objects;

/**
 * What the rules look at: the Dockerfile with its variables expanded, the stage the build produces, and the
 * context paths a build would send (after .dockerignore; empty when there is no context directory).
 */
public record PracticeInput(Dockerfile dockerfile, Stage finalStage, List<String> contextFiles) {

    public PracticeInput {
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(finalStage, "finalStage");
        contextFiles = List.copyOf(contextFiles);
    }

    /** The stage {@code stage} builds on when its FROM names an earlier stage. */
    java.util.Optional<Stage> parent(Stage stage) {
        return dockerfile.stages().stream().filter(other -> other.index() < stage.index())
                .filter(other -> other.isNamed(stage.from().image())
                        || Integer.toString(other.index()).equals(stage.from().image()))
                .findFirst();
    }

    /** Whether {@code stage}'s FROM names an earlier stage rather than an image. */
    boolean fromStage(Stage stage) {
        return parent(stage).isPresent();
    }
}
