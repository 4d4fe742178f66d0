package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeProjectRuns;
import dev.berth.api.compose.OneOffRun;
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

/** {@code berth compose run [--rm] SERVICE [COMMAND...]}: a one-off container; its output, its exit code. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a one-off command on a service.")
final class ComposeRunCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = "--rm", description = "Automatically remove the container when it exits.")
    boolean remove;

    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
    String name;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set environment variables.")
    List<String> env = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the entrypoint of the image.")
    String entrypoint;

    @Option(names = "--no-deps", description = "Don't start linked services.")
    boolean noDeps;

    @Option(names = "-T", description = "Disable pseudo-TTY allocation (always: Berth's run has no terminal).")
    boolean noTty;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            ComposeProjectRuns project = compose.project(berth, settings, spec.commandLine().getErr());
            ComposeLogPrinter printer = new ComposeLogPrinter(System.out, List.of(), false);
            int code = project.run(new OneOffRun(service, Optional.ofNullable(name), command,
                    Optional.ofNullable(entrypoint), env, remove, noDeps),
                    new ComposeProgressLines(spec.commandLine().getErr()), printer);
            System.out.flush();
            return code;
        }
    }
}
