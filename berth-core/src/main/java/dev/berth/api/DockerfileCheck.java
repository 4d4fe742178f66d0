package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import java.util.List;

/**
 * Every problem {@code berth check} found, in source order: syntax, instructions, stages, ARG scoping,
 * BuildKit's checks, what the build would refuse before running anything (sources the context lacks or ignores,
 * bad modes), and the best-practice rules.
 *
 * @param complete false when the Dockerfile could not be read far enough to run the rules (syntax that stops
 *                 parsing): {@code berth check} then exits 2, "could not check"
 */
public record DockerfileCheck(List<CheckFinding> findings, boolean complete) {

    public DockerfileCheck {
        findings = List.copyOf(findings);
    }

    public List<Diagnostic> diagnostics() {
        return findings.stream().map(CheckFinding::diagnostic).toList();
    }

    public long errors() {
        return diagnostics().stream().filter(diagnostic -> diagnostic.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return diagnostics().size() - errors();
    }

    /** Whether a finding reaches {@code failLevel}: what makes {@code berth check} exit 1. */
    public boolean fails(CheckLevel failLevel) {
        return findings.stream().anyMatch(finding -> finding.level().reaches(failLevel));
    }
}
