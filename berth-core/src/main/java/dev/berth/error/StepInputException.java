package dev.berth.error;

import java.util.Optional;

/**
 * A step's input is wrong (a missing or excluded COPY source, an unknown user): the stage runner turns
 * it into an {@link dev.berth.error.InvalidInputException} pointing at the step's Dockerfile line.
 */
public final class StepInputException extends RuntimeException {

    private final Optional<String> hint;

    public StepInputException(String message, Optional<String> hint) {
        super(message);
        this.hint = hint;
    }

    public StepInputException(String message) {
        this(message, Optional.empty());
    }

    public Optional<String> hint() {
        return hint;
    }
}
