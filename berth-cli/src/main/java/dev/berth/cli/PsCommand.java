package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerFilter;
import dev.berth.api.ContainerSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth ps}: Docker's container table, newest first; {@code -a}, {@code -q}, {@code --no-trunc}, {@code --format},
 * {@code -f/--filter} (parsed and applied by the façade, {@link ContainerFilter}). */
@Command(name = "ps", description = "List containers.", mixinStandardHelpOptions = true)
class PsCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running).")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER",
            description = "Filter output based on conditions provided (KEY=VALUE: id, name, label, exited, status, "
                    + "ancestor, before, since, volume, network, publish, expose, health, isolation, is-task).")
    List<String> filters = new java.util.ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Go-template-like format: 'table', 'json', '{{.ID}} {{.Names}}' ...")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Checked before the store is opened: a bad filter is the user's error whatever the store holds.
        ContainerFilter filter = ContainerFilter.parse(filters);
        List<ContainerSummary> rows;
        try (Berth store = berth.open()) {
            rows = store.containers().list(all, filter);
        }
        print(rows, berth.clock().instant(), spec.commandLine().getOut());
        return 0;
    }

    void print(List<ContainerSummary> rows, Instant now, PrintWriter out) {
        new Listing(ContainerTable.DEFAULT_FORMAT, ContainerTable.TITLES)
                .print(rows.stream().map(row -> ContainerTable.fields(row, now, !noTrunc)).toList(), format, quiet, out);
    }
}
