package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.error.BerthException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth attach CONTAINER}: joins this terminal to a running container's; ctrl-p ctrl-q detaches. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach local standard input, output, and error streams to a running container.",
                "With a container run with -t, ctrl-p ctrl-q detaches and leaves it running."},
        footer = "Exit status: the container's when it exits; 0 when detached; 125 when berth fails.")
class AttachCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "The container's name or ID.")
    String container;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return store.containers().attach(container);
        } catch (BerthException e) {
            new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
            return RunCommand.FAILED_TO_RUN;
        }
    }
}
