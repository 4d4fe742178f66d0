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

/** {@code berth compose kill [-s SIGNAL]}: a signal to the services' running containers. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Force stop service containers.")
final class ComposeKillCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "SIGNAL to send to the container (default: SIGKILL).")
    String signal;

    @Override
    public Integer call() {
        return compose.onProject(spec, (project, progress) -> project.kill(services, Optional.ofNullable(signal), progress));
    }
}
