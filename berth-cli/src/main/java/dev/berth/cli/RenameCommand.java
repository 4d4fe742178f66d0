package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.error.BerthException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth rename CONTAINER NEW_NAME}: prints nothing, as Docker's. */
@Command(name = "rename", description = "Rename a container.", mixinStandardHelpOptions = true)
class RenameCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            store.containers().rename(container, newName);
            return 0;
        } catch (BerthException e) {
            return new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
        }
    }
}
