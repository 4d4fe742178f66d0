package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth network connect}: a running container joins the network at once, and every later start joins it
 * too (docs/networks.md).
 */
@Command(name = "connect", description = "Connect a container to a network.",
        mixinStandardHelpOptions = true)
final class NetworkConnectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = "--alias", paramLabel = "NAME", description = "Another name the container answers to on the network.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPv4", description = "The container's address on the network.")
    String ip;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            store.networks().connect(network, container, aliases, Optional.ofNullable(ip));
        }
        return 0;
    }
}
