package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.LogsRequest;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeLabels;
import dev.berth.api.compose.ComposeProjectRuns;
import dev.berth.api.compose.UpOptions;
import dev.berth.error.InvalidInputException;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth compose up}: the project converged (networks, volumes, images, containers in dependency order);
 * with {@code -d} it returns then, else it follows the containers' logs until they exit, and Ctrl-C stops them,
 * as Docker Compose does.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Create and start containers.")
final class ComposeUpCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background.")
    boolean detach;

    @Option(names = "--build", description = "Build images before starting containers.")
    boolean build;

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
    boolean waitReady;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed.")
    boolean forceRecreate;

    @Option(names = "--no-deps", description = "Don't start linked services.")
    boolean noDeps;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file.")
    boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances.")
    List<String> scale = new ArrayList<>();

    @Option(names = "--exit-code-from", paramLabel = "SERVICE",
            description = "Return the exit code of the selected service container; stops all when it exits.")
    String exitCodeFrom;

    @Parameters(paramLabel = "SERVICE", description = "Services to start (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            // As run's: what a killed up or run left (a half-made container among it) goes before the project is read.
            SweepReportText.log(berth.sweepLeftovers());
            BootRestartText.startDue(berth, spec.commandLine().getErr());
            ComposeProjectRuns project = compose.project(berth, settings, err);
            ComposeProgressLines progress = new ComposeProgressLines(err);
            project.up(new UpOptions(services, build, waitReady, forceRecreate, noDeps, removeOrphans, scales()),
                    progress);
            if (detach || waitReady) {
                return 0;
            }
            return follow(berth, project, progress);
        }
    }

    /** Foreground: logs of every container until they exit; Ctrl-C (or the exit-code service's end) stops them. */
    private int follow(Berth berth, ComposeProjectRuns project, ComposeProgressLines progress) throws Exception {
        List<ContainerSummary> containers = project.containers(true, services).stream()
                .filter(c -> !"True".equalsIgnoreCase(c.labels().get(ComposeLabels.ONEOFF))).toList();
        ComposeLogPrinter printer = new ComposeLogPrinter(System.out, containers, true);
        Thread stopper = new Thread(() -> {
            spec.commandLine().getErr().println("Gracefully stopping... (press Ctrl+C again to force)");
            project.stop(services, Optional.empty(), progress);
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        Thread logs = Thread.ofVirtual().start(() -> project.logs(services,
                new LogsRequest(true, OptionalInt.empty(), false), printer));
        int code = 0;
        if (exitCodeFrom != null) {
            ContainerSummary watched = containers.stream()
                    .filter(c -> exitCodeFrom.equals(c.labels().get(ComposeLabels.SERVICE))).findFirst()
                    .orElseThrow(() -> new dev.berth.error.NotFoundException("no such service: " + exitCodeFrom));
            code = berth.containers().waitFor(watched.id());
            spec.commandLine().getErr().println("Aborting on container exit...");
            project.stop(services, Optional.empty(), progress);
        }
        logs.join();
        printer.finish(containers);
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the logs ended because the hook is stopping the containers; let it finish.
            stopper.join();
            return 130;
        }
        return code;
    }

    private Map<String, Integer> scales() {
        Map<String, Integer> out = new HashMap<>();
        for (String pair : scale) {
            int equals = pair.indexOf('=');
            try {
                out.put(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1)));
            } catch (RuntimeException bad) {
                throw new InvalidInputException(Diagnostic.error("--scale", SourceRange.line(1),
                        "invalid --scale \"" + pair + "\": write SERVICE=NUM"), null);
            }
        }
        return out;
    }
}
