package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth wait CONTAINER...}: blocks until each stops, printing its exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes.",
        mixinStandardHelpOptions = true)
class WaitCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return ContainerBatch.each(containers, spec,
                    container -> Integer.toString(store.containers().waitFor(container)));
        }
    }
}
