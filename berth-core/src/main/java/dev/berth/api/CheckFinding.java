package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of {@code berth check}: the rule that produced it (empty for errors no rule governs: syntax, a
 * missing source), its level, and the diagnostic with the file, line, message and, as its hint, the fix.
 */
public record CheckFinding(Optional<String> rule, CheckLevel level, Diagnostic diagnostic) {

    public CheckFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    static CheckFinding unruled(Diagnostic diagnostic) {
        return new CheckFinding(Optional.empty(), CheckLevel.valueOf(diagnostic.severity().name()), diagnostic);
    }
}
