package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth network rm}: each network removed is printed as given; a failure is reported and the rest done. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more networks.", mixinStandardHelpOptions = true)
final class NetworkRemoveCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return ContainerBatch.each(networks, spec, network -> {
                store.networks().remove(network);
                return network;
            });
        }
    }
}
