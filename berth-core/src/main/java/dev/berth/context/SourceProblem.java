package dev.berth.context;

import java.util.Objects;
import java.util.Optional;

/** Why a COPY or ADD source cannot be taken from a context, in the words a build refuses it with. */
public record SourceProblem(String message, Optional<String> hint) {

    public SourceProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }
}
