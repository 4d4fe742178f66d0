package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ScanRequest;
import dev.berth.api.ScanResult;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth scan IMAGE --db PATH}: the image's known vulnerabilities from an OSV database the user gives; the
 * report (vulnerabilities, then secrets) on stdout, warnings (a stale database) on stderr; {@code --exit-code N}
 * when anything is reported.
 */
@Command(name = "scan", description = "Match an image's packages against an OSV vulnerability database, offline.",
        mixinStandardHelpOptions = true)
class ScanCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = "--db", paramLabel = "PATH",
            description = "A directory of OSV JSON files and osv.dev all.zip files, or one such file (required).")
    Path database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or sarif.")
    String format;

    @Option(names = "--severity", paramLabel = "SEVERITY", split = ",",
            description = "Report only these severities: UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL (comma-separated).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--ignore-unfixed", description = "Leave out vulnerabilities with no known fix.")
    boolean ignoreUnfixed;

    @Option(names = "--ignore-file", paramLabel = "FILE",
            description = "Vulnerability ids to leave out, one a line, or an OpenVEX document.")
    Path ignoreFile;

    @Option(names = "--exit-code", paramLabel = "CODE", defaultValue = "0",
            description = "Exit with this code when any vulnerability is reported (default 0).")
    int exitCode;

    @Option(names = "--stale-days", paramLabel = "DAYS", defaultValue = "7",
            description = "Warn when the database's newest record is older than this (default 7).")
    int staleDays;

    @Parameters(paramLabel = "IMAGE")
    String image;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (database == null) {
            throw new InvalidInputException(Diagnostic.error("--db", SourceRange.columns(1, 1, 1),
                    "berth scan needs a vulnerability database: without one it cannot tell \"none found\" from"
                            + " \"nothing known\"").withHint("give --db DIR with OSV .json files or osv.dev all.zip"
                            + " files"), null);
        }
        ScanRequest.Format reportFormat = ScanRequest.Format.named(format).orElseThrow(() ->
                new InvalidInputException(Diagnostic.error("--format", SourceRange.columns(1, 1, 1),
                        "unknown report format \"" + format + "\"").withHint("use table, json or sarif"), null));
        ScanRequest.Builder request = ScanRequest.builder(image, database).format(reportFormat).severities(severities)
                .ignoreUnfixed(ignoreUnfixed).staleAfter(Duration.ofDays(staleDays));
        if (ignoreFile != null) {
            request.ignoreFile(ignoreFile);
        }
        ScanResult result;
        try (Berth store = berth.open()) {
            result = store.scans().scan(request.build());
        }
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(warning -> err.println("WARNING: " + warning));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.report());
        out.flush();
        return result.findings().isEmpty() && result.secrets().isEmpty() ? 0 : exitCode;
    }
}
