package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerSummary;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeLabels;
import dev.berth.api.compose.ComposeProjectRuns;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.error.NotFoundException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose ps}: the project's containers as Docker Compose's table, or JSON lines, or names only. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List containers.")
final class ComposePsCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs.")
    boolean quiet;

    @Option(names = "--services", description = "Display services.")
    boolean servicesOnly;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    String format;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (Berth berth = Berth.open(settings)) {
            ComposeProjectRuns project = compose.project(berth, settings, spec.commandLine().getErr());
            List<ContainerSummary> rows = project.containers(all, services);
            if (servicesOnly) {
                rows.stream().map(c -> c.labels().get(ComposeLabels.SERVICE)).distinct().forEach(out::println);
            } else if (quiet) {
                rows.forEach(row -> out.println(row.id()));
            } else if (format.equals("json")) {
                Instant now = settings.clock().instant();
                for (ContainerSummary row : rows) {
                    mounts(berth, row).ifPresent(mounts -> out.println(GoJson.compact(ComposePsDocument.of(row, mounts,
                            project.name(), now, !noTrunc))));
                }
            } else if (format.equals("table")) {
                out.print(table(rows, settings.clock().instant()));
            } else {
                throw new InvalidInputException(Diagnostic.error("--format", SourceRange.line(1),
                        "unsupported format \"" + format + "\": table or json"), null);
            }
        }
        out.flush();
        return 0;
    }

    /** The row's mounts; empty when the container was removed since the listing (it is then not shown). */
    private static Optional<List<ContainerConfigFacts.Mount>> mounts(Berth berth, ContainerSummary row) {
        try {
            return Optional.of(berth.containers().inspect(row.id()).config().mounts());
        } catch (NotFoundException removedMeanwhile) {
            return Optional.empty();
        }
    }

    static String table(List<ContainerSummary> rows, Instant now) {
        StringBuilder text = new StringBuilder("NAME\tIMAGE\tCOMMAND\tSERVICE\tCREATED\tSTATUS\tPORTS\n");
        for (ContainerSummary row : rows) {
            text.append(row.name()).append('\t').append(row.image()).append('\t')
                    .append(ContainerTable.quote(ContainerTable.ellipsis(ContainerTable.command(row.command()), 20)))
                    .append('\t').append(row.labels().getOrDefault(ComposeLabels.SERVICE, "")).append('\t')
                    .append(RelativeTime.since(Optional.of(row.created()), now)).append('\t').append(row.status())
                    .append('\t').append(String.join(", ", row.ports())).append('\n');
        }
        return TabWriter.align(text.toString());
    }
}
