package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.VolumePruneReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth volume prune [-a] [-f]}: Docker 23+'s: unused anonymous volumes, or with {@code -a} every unused one. */
@Command(name = "prune", description = "Remove unused local volumes.", mixinStandardHelpOptions = true)
final class VolumePruneCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-a", "--all"}, description = "Remove all unused volumes, not just anonymous ones.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!force) {
            out.print(all ? "WARNING! This will remove all local volumes not used by at least one container.\n"
                    : "WARNING! This will remove anonymous local volumes not used by at least one container.\n");
            out.print("Are you sure you want to continue? [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                return 0;
            }
        }
        VolumePruneReport report;
        try (Berth store = berth.open()) {
            report = store.volumes().prune(all);
        }
        if (!report.removed().isEmpty()) {
            out.println("Deleted Volumes:");
            report.removed().forEach(out::println);
            out.println();
        }
        out.println("Total reclaimed space: " + ByteSize.format(report.reclaimedBytes()));
        out.flush();
        return 0;
    }
}
