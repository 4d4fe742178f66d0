package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth diff CONTAINER}: Docker's {@code A}, {@code C} and {@code D} lines, nothing for no change. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Inspect changes to files or directories on a container's filesystem.")
class DiffCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "The container's name or ID.")
    String container;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            var out = spec.commandLine().getOut();
            store.containers().diff(container).forEach(out::println);
            out.flush();
            return 0;
        }
    }
}
