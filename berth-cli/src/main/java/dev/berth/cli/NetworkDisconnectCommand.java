package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth network disconnect}: a running container leaves the network at once (not its first one), one not
 * running at its next start (docs/networks.md).
 */
@Command(name = "disconnect", description = "Disconnect a container from a network.",
        mixinStandardHelpOptions = true)
final class NetworkDisconnectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            store.networks().disconnect(network, container);
        }
        return 0;
    }
}
