package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.CheckPolicy;
import dev.berth.dockerfile.practice.HadolintSuppressions;
import dev.berth.dockerfile.shellcheck.ShellCheckFinding;
import dev.berth.dockerfile.shellcheck.ShellCheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ShellCheck's comments as {@code berth check} findings: rule {@code SC####}, ShellCheck's error and warning as
 * themselves, its info and style as info ({@code # check=error=true} makes them all errors), silenced by
 * {@code # check=skip=SC2086} (or {@code skip=ShellCheck} for all of them) and by hadolint's pragmas and
 * {@code .hadolint.yaml}, which take ShellCheck codes as hadolint does. A ShellCheck that could not run is one
 * warning with no rule, never a silent pass.
 */
final class ShellCheckFindings {

    /** The name of all of ShellCheck's rules at once, for {@code skip=} and {@code --explain}. */
    static final String RULE = "ShellCheck";

    private static final Pattern CODE = Pattern.compile("(?i)SC\\d{4}");

    private ShellCheckFindings() {
    }

    static List<CheckFinding> of(ShellCheckResult result, CheckPolicy policy, HadolintSuppressions suppressions,
            String file) {
        List<CheckFinding> findings = new ArrayList<>();
        result.failure().ifPresent(why -> findings.add(CheckFinding.unruled(Diagnostic.warning(file,
                SourceRange.line(1), "ShellCheck could not check the RUN commands: " + why))));
        for (ShellCheckFinding finding : result.findings()) {
            if (policy.skips(List.of(finding.rule(), RULE)) || suppressions.silences(finding.runLine(),
                    List.of(finding.rule()))) {
                continue;
            }
            CheckLevel level = policy.warningsAreErrors() ? CheckLevel.ERROR : switch (finding.level()) {
                case ERROR -> CheckLevel.ERROR;
                case WARNING -> CheckLevel.WARNING;
                case INFO, STYLE -> CheckLevel.INFO;
            };
            Diagnostic diagnostic = new Diagnostic(level == CheckLevel.ERROR ? Severity.ERROR : Severity.WARNING, file,
                    finding.range(), finding.rule() + ": " + finding.message(),
                    Optional.of("see " + finding.wikiUri()));
            findings.add(new CheckFinding(Optional.of(finding.rule()), level, diagnostic));
        }
        return findings;
    }

    /** The rule that stands for all of ShellCheck's, for {@code --explain ShellCheck} and SARIF. */
    static CheckRule rule() {
        return new CheckRule(RULE, List.of(), CheckLevel.WARNING, "ShellCheck on the shell-form RUN commands",
                "follow the finding's SC page (https://www.shellcheck.net/wiki/SC####)", EXPLANATION,
                "https://www.shellcheck.net/wiki/");
    }

    /** {@code SC2086}'s rule, for {@code --explain SC2086} and SARIF's rules; empty for a name that is no code. */
    static Optional<CheckRule> code(String name) {
        if (!CODE.matcher(name).matches()) {
            return Optional.empty();
        }
        String id = name.toUpperCase(java.util.Locale.ROOT);
        return Optional.of(new CheckRule(id, List.of(), CheckLevel.WARNING, "ShellCheck " + id,
                "see https://www.shellcheck.net/wiki/" + id, EXPLANATION, "https://www.shellcheck.net/wiki/" + id));
    }

    private static final String EXPLANATION = "When the shellcheck program is installed (on PATH), berth check runs it"
            + " once over every shell-form RUN (continuation lines joined as the shell gets them, here-documents"
            + " included), in the dialect of the stage's SHELL (sh by default, bash when SHELL is bash), and reports"
            + " each of its comments as a finding named by its code (SC2086), at the Dockerfile line it points to:"
            + " ShellCheck's error and warning as such, info and style as info. Exec-form RUNs are not checked."
            + " When shellcheck is not installed, no SC finding is reported at all (install Debian's shellcheck"
            + " package). # check=skip=SC2086 or skip=ShellCheck, and # hadolint ignore=SC2086, silence them.";
}
