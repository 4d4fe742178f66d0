package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.dockerfile.instruction.Dockerfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DockerfileChecker} found: every error and warning, in source order, with its rule, and the Dockerfile
 * with its variables expanded when it could be read at all (it leaves out instructions with errors),
 * with the build args each of its instructions sees.
 */
public record CheckResult(List<Finding> findings, Optional<Dockerfile> expanded, Optional<ScopedArgs> args) {

    public CheckResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(expanded, "expanded");
        Objects.requireNonNull(args, "args");
        if (expanded.isPresent() != args.isPresent()) {
            throw new IllegalArgumentException("an expanded Dockerfile comes with its args, and only then");
        }
    }

    /** The findings' diagnostics, in the same order. */
    public List<Diagnostic> diagnostics() {
        return findings.stream().map(Finding::diagnostic).toList();
    }

    public long errorCount() {
        return diagnostics().stream().filter(diagnostic -> diagnostic.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return diagnostics().stream().filter(diagnostic -> diagnostic.severity() == Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }
}
