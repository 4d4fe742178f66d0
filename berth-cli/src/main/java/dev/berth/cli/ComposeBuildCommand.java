package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose build}: the images of the services that build. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build or rebuild services.")
final class ComposeBuildCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        return compose.onProject(spec, (project, progress) -> project.build(services, progress));
    }
}
