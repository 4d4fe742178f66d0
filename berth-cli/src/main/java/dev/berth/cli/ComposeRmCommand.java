package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose rm [-f] [-s] [-v]}: the services' stopped containers removed ({@code -s}: stopped first). */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Removes stopped service containers.")
final class ComposeRmCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal (Berth never asks).")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing.")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers.")
    boolean volumes;

    @Override
    public Integer call() {
        return compose.onProject(spec, (project, progress) -> {
            if (project.remove(services, stop, volumes, progress).isEmpty()) {
                spec.commandLine().getErr().println("No stopped containers");
            }
        });
    }
}
