package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerPruneFilter;
import dev.berth.api.ContainerPruneReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth container prune [-f] [--filter until=|label=]}: removes the stopped containers, as Docker's. */
@Command(name = "prune", description = "Remove all stopped containers.", mixinStandardHelpOptions = true)
final class ContainerPruneCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Option(names = "--filter", paramLabel = "FILTER", description = "Provide filter values (e.g. \"until=<timestamp>\", \"label=KEY\").")
    List<String> filters = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ContainerPruneFilter filter;
        try {
            filter = ContainerPruneFlags.parse(filters, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!force) {
            out.print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                return 0;
            }
        }
        ContainerPruneReport report;
        try (Berth store = berth.open()) {
            report = store.containers().prune(filter);
        }
        if (!report.deleted().isEmpty()) {
            out.println("Deleted Containers:");
            report.deleted().forEach(out::println);
            out.println();
        }
        out.println("Total reclaimed space: " + ByteSize.format(report.reclaimedBytes()));
        out.flush();
        return 0;
    }
}
