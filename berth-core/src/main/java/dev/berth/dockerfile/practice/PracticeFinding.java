package dev.berth.dockerfile.practice;

import dev.berth.diagnostic.Diagnostic;
import java.util.Objects;

/** One broken practice, reported: the rule and the diagnostic pointing at its instruction, the fix as hint. */
public record PracticeFinding(PracticeInfo rule, PracticeLevel level, Diagnostic diagnostic) {

    public PracticeFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }
}
