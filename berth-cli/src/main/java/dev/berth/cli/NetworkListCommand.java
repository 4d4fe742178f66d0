package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.NetworkSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth network ls}: Docker's table, by name; {@code -q}, {@code --no-trunc}, {@code --format}. */
@Command(name = "ls", aliases = "list", description = "List networks.", mixinStandardHelpOptions = true)
final class NetworkListCommand implements Callable<Integer> {

    static final String DEFAULT_FORMAT = "table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}";
    static final Map<String, String> TITLES = Map.of("ID", "NETWORK ID", "IPv6", "IPV6", "CreatedAt", "CREATED");

    @Mixin
    BerthOptions berth;

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Go-template-like format: 'table', 'json', '{{.ID}} {{.Name}}' ...")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<NetworkSummary> networks;
        try (Berth store = berth.open()) {
            networks = store.networks().list();
        }
        new Listing(DEFAULT_FORMAT, TITLES).print(networks.stream().map(this::fields).toList(), format, quiet,
                spec.commandLine().getOut());
        return 0;
    }

    /** The fields of Docker's network formatter. */
    private ObjectNode fields(NetworkSummary network) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("CreatedAt", GoJson.time(network.created()));
        node.put("Driver", network.driver());
        node.put("ID", noTrunc ? network.id() : network.shortId());
        node.put("IPv4", "true");
        node.put("IPv6", "false");
        node.put("Internal", String.valueOf(network.internal()));
        node.put("Labels", new TreeMap<>(network.labels()).entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(",")));
        node.put("Name", network.name());
        node.put("Scope", "local");
        return node;
    }
}
