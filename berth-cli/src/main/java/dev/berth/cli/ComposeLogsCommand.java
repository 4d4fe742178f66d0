package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.LogsRequest;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeLabels;
import dev.berth.api.compose.ComposeProjectRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose logs}: the services' output, each line prefixed with {@code web-1  | }. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "View output from containers.")
final class ComposeLogsCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "Follow log output.")
    boolean follow;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "all",
            description = "Number of lines to show from the end of the logs for each container (default: all).")
    String tail;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs.")
    boolean noPrefix;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            ComposeProjectRuns project = compose.project(berth, settings, spec.commandLine().getErr());
            List<ContainerSummary> containers = project.containers(true, services).stream()
                    .filter(c -> !"True".equalsIgnoreCase(c.labels().get(ComposeLabels.ONEOFF))).toList();
            ComposeLogPrinter printer = new ComposeLogPrinter(System.out, containers, !noPrefix);
            OptionalInt lines = tail.equals("all") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(tail));
            project.logs(services, new LogsRequest(follow, lines, timestamps), printer);
            printer.finish(containers);
        }
        return 0;
    }
}
