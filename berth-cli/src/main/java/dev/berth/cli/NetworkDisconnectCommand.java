package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth network disconnect}: for a container that is not running, its next start leaves the network out; a
 * running one is refused with the reason (docs/networks.md: netavark sets all networks up at once).
 */
@Command(name = "disconnect", description = "Disconnect a container that is not running from a network.",
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
