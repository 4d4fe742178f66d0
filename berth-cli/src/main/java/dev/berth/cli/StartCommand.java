package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth start CONTAINER...}: starts created or exited containers again, detached; prints each as given. */
@Command(name = "start", description = "Start one or more stopped containers.", mixinStandardHelpOptions = true)
class StartCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            BootRestartText.startDue(store, spec.commandLine().getErr());
            return ContainerBatch.each(containers, spec, container -> {
                store.containers().start(container);
                return container;
            });
        }
    }
}
