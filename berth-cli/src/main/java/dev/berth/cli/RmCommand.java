package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth rm CONTAINER...}: removes containers (a running one only with {@code -f}); prints each as given. */
@Command(name = "rm", description = "Remove one or more containers.", mixinStandardHelpOptions = true)
class RmCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL).")
    boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove the anonymous volumes of the container.")
    boolean volumes;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return ContainerBatch.each(containers, spec, container -> {
                store.containers().remove(container, force, volumes);
                return container;
            });
        }
    }
}
