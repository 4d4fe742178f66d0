package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import java.util.Objects;
import java.util.Optional;

/** A diagnostic with the rule that produced it; errors that are not check rules have no rule. */
public record Finding(Optional<Rule> rule, Diagnostic diagnostic) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /** A finding no check rule governs: errors, and the syntax parser's warnings. */
    static Finding of(Diagnostic diagnostic) {
        return new Finding(Optional.empty(), diagnostic);
    }

    static Finding warning(Rule rule, Diagnostic diagnostic) {
        return new Finding(Optional.of(rule), diagnostic);
    }
}
