package dev.berth.dockerfile.practice;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.CheckPolicy;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every {@link Practice} over an expanded Dockerfile and reports what the {@code # check=} policy and
 * hadolint's pragmas leave: with {@code error=true}, warnings and infos become errors, as BuildKit makes its own.
 */
public final class PracticeChecker {

    private final CheckPolicy policy;
    private final HadolintSuppressions suppressions;

    public PracticeChecker(CheckPolicy policy, HadolintSuppressions suppressions) {
        this.policy = policy;
        this.suppressions = suppressions;
    }

    /** The findings for the build of {@code target} (the last stage when empty), in source order. */
    public List<PracticeFinding> check(String file, Dockerfile dockerfile, Optional<String> target,
            List<String> contextFiles) {
        Stage last = dockerfile.stages().getLast();
        Stage finalStage = target.flatMap(dockerfile::stage).orElse(last);
        PracticeInput input = new PracticeInput(dockerfile, finalStage, contextFiles);
        List<PracticeFinding> findings = new ArrayList<>();
        for (Practice practice : PracticeCatalog.practices()) {
            PracticeInfo rule = practice.info();
            if (policy.skips(Stream.concat(Stream.of(rule.id()), rule.aliases().stream()).toList())) {
                continue;
            }
            for (PracticeHit hit : practice.inspect(input)) {
                Location location = hit.location();
                if (suppressions.silences(location.startLine(), rule.aliases())) {
                    continue;
                }
                PracticeLevel level = policy.warningsAreErrors() ? PracticeLevel.ERROR : rule.level();
                Severity severity = level == PracticeLevel.ERROR ? Severity.ERROR : Severity.WARNING;
                Diagnostic diagnostic = new Diagnostic(severity, file,
                        SourceRange.columns(location.startLine(), location.startColumn(),
                                location.startColumn() + WordLocator.keyword(location).length()),
                        rule.id() + ": " + hit.message(), Optional.of(hit.fix().orElse(rule.fix())));
                findings.add(new PracticeFinding(rule, level, diagnostic));
            }
        }
        findings.sort(java.util.Comparator.comparingInt(finding -> finding.diagnostic().line()));
        return List.copyOf(findings);
    }
}
