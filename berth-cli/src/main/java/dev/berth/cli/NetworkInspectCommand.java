package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.NetworkSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth network inspect}: the JSON array {@code docker network inspect} prints, or {@code --format}. */
@Command(name = "inspect", description = "Display detailed information on one or more networks.",
        mixinStandardHelpOptions = true)
final class NetworkInspectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output using a Go-like template.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> networks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<NetworkSummary> found = new ArrayList<>();
        try (Berth store = berth.open()) {
            for (String network : networks) {
                found.add(store.networks().inspect(network));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null) {
            GoTemplate template = GoTemplate.parse(format);
            found.forEach(network -> out.println(template.render(document(network))));
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            found.forEach(network -> array.add(document(network)));
            out.println(GoJson.indent(array));
        }
        out.flush();
        return 0;
    }

    /** Docker's network resource, in its field order; what Berth's networks have no notion of is Docker's default. */
    static ObjectNode document(NetworkSummary network) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Name", network.name());
        node.put("Id", network.id());
        node.put("Created", GoJson.time(network.created()));
        node.put("Scope", "local");
        node.put("Driver", network.driver());
        node.put("EnableIPv4", true);
        node.put("EnableIPv6", false);
        ObjectNode ipam = node.putObject("IPAM");
        ipam.put("Driver", "default");
        ipam.putObject("Options");
        ipam.putArray("Config").addObject().put("Subnet", network.subnet()).put("Gateway", network.gateway());
        node.put("Internal", network.internal());
        node.put("Attachable", false);
        node.put("Ingress", false);
        node.putObject("ConfigFrom").put("Network", "");
        node.put("ConfigOnly", false);
        ObjectNode containers = node.putObject("Containers");
        for (NetworkSummary.AttachedContainer container : network.containers()) {
            containers.putObject(container.id()).put("Name", container.name()).put("EndpointID", "")
                    .put("MacAddress", "").put("IPv4Address", container.address()).put("IPv6Address", "");
        }
        ObjectNode options = node.putObject("Options");
        options.put("com.docker.network.bridge.name", network.bridge());
        if (network.dnsEnabled()) {
            options.put("dev.berth.network.dns", "aardvark-dns");
        }
        ObjectNode labels = node.putObject("Labels");
        new TreeMap<>(network.labels()).forEach(labels::put);
        return node;
    }
}
