package dev.berth.api;

import java.util.List;

/**
 * What a scan found, after {@code --severity}, {@code --ignore-unfixed} and {@code --ignore-file}.
 *
 * @param report   the findings in the request's format, ready to print
 * @param warnings what the user should know (a stale database), one a line, for stderr
 * @param secrets  secrets the image gives away (env, labels, history, any layer), after {@code --severity}
 */
public record ScanResult(List<ScanFinding> findings, String report, List<String> warnings, int packages, int records,
        List<SecretFinding> secrets) {

    public ScanResult {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
        secrets = List.copyOf(secrets);
    }
}
