package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth kill CONTAINER...}: sends a signal (KILL by default); prints each as given. */
@Command(name = "kill", description = "Kill one or more running containers.", mixinStandardHelpOptions = true)
class KillCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal to send (default: KILL).")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return ContainerBatch.each(containers, spec, container -> {
                store.containers().kill(container, Optional.ofNullable(signal));
                return container;
            });
        }
    }
}
