package dev.berth.cli;

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

/** {@code berth compose stop}: the running containers of the services stopped, kept. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop services.")
final class ComposeStopCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds.")
    Integer timeout;

    @Override
    public Integer call() {
        return compose.onProject(spec, (project, progress) -> project.stop(services,
                Optional.ofNullable(timeout).map(java.time.Duration::ofSeconds), progress));
    }
}
