package dev.berth.cli.progress;

import dev.berth.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's summary of a build's check findings, printed after the build's own output: a blank line, then
 * {@code  2 warnings found (use docker --debug to expand):} and one {@code  - RULE: message (line N)} per
 * finding, in Dockerfile order. Nothing at all when there is no finding. Berth has no {@code --debug}; the
 * wording is kept so that logs read as Docker's do (and {@code berth check} is where findings are expanded).
 */
final class CheckSummary {

    private CheckSummary() {
    }

    static List<String> lines(List<Diagnostic> warnings) {
        if (warnings.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(" " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                + " found (use docker --debug to expand):");
        warnings.stream().sorted(java.util.Comparator.comparingInt(Diagnostic::line))
                .forEach(warning -> lines.add(" - " + warning.message() + " (line " + warning.line() + ")"));
        return List.copyOf(lines);
    }
}
