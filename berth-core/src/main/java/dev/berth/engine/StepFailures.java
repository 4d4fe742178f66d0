package dev.berth.engine;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.ExecutionException;
import dev.berth.error.InvalidInputException;
import dev.berth.error.StepInputException;
import dev.berth.plan.PlannedStage;
import dev.berth.plan.StepPosition;

/**
 * The one place a step's failure gets the step's position in the Dockerfile: a step's bad input becomes a
 * diagnostic at its line, a failed RUN names its file and line. Executors throw without positions.
 */
final class StepFailures {

    private StepFailures() {
    }

    /** A step's input the engine refused, at the step's first line. */
    static InvalidInputException invalid(SourceFile dockerfile, StepPosition at, StepInputException invalid) {
        return atLine(dockerfile, at.startLine(), invalid);
    }

    /** A stage's base the engine refused (an image reference that is not one), on the line before its first step. */
    static InvalidInputException invalidBase(SourceFile dockerfile, PlannedStage stage, StepInputException invalid) {
        return atLine(dockerfile, stage.steps().isEmpty() ? 1 : stage.steps().getFirst().position().startLine() - 1,
                invalid);
    }

    /** @param output what the process printed last and where its whole output is */
    static ExecutionException runFailed(SourceFile dockerfile, StepPosition at, ExecutionException failed,
            String output) {
        return new ExecutionException("RUN at " + dockerfile.name() + ":" + at.startLine() + " failed: "
                + failed.getMessage() + output, failed);
    }

    private static InvalidInputException atLine(SourceFile dockerfile, int line, StepInputException invalid) {
        Diagnostic diagnostic = Diagnostic.error(dockerfile.name(), SourceRange.line(Math.max(1, line)),
                invalid.getMessage());
        return new InvalidInputException(invalid.hint().map(diagnostic::withHint).orElse(diagnostic), dockerfile);
    }
}
