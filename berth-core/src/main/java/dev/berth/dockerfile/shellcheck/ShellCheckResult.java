package dev.berth.dockerfile.shellcheck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ShellCheck run gave: its findings in Dockerfile order, or why it could not run to its end (then no findings:
 * a half-read report is not trusted).
 */
public record ShellCheckResult(List<ShellCheckFinding> findings, Optional<String> failure) {

    public ShellCheckResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(failure, "failure");
    }

    static ShellCheckResult failed(String why) {
        return new ShellCheckResult(List.of(), Optional.of(why));
    }
}
