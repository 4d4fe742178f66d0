package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.NetworkCreateRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth network create}: prints the new network's id, as Docker does. */
@Command(name = "create", description = "Create a network.", mixinStandardHelpOptions = true)
final class NetworkCreateCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "NETWORK")
    String name;

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", defaultValue = "bridge",
            description = "The driver: bridge only (default: ${DEFAULT-VALUE}).")
    String driver;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "The subnet (default: a free /24 of 10.87.0.0/16).")
    String subnet;

    @Option(names = "--gateway", paramLabel = "IPv4", description = "The gateway (default: the subnet's first address).")
    String gateway;

    @Option(names = "--internal", description = "No outbound access: the containers reach each other only.")
    boolean internal;

    @Option(names = "--label", paramLabel = "KEY[=VALUE]", description = "Set metadata on the network.")
    List<String> labels = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            pairs.put(equals < 0 ? label : label.substring(0, equals), equals < 0 ? "" : label.substring(equals + 1));
        }
        var request = new NetworkCreateRequest(name, driver, Optional.ofNullable(subnet), Optional.ofNullable(gateway),
                internal, pairs);
        try (Berth store = berth.open()) {
            spec.commandLine().getOut().println(store.networks().create(request).id());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
