package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.PortBinding;
import dev.berth.error.NotFoundException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth port CONTAINER [PRIVATE_PORT[/PROTO]]}: Docker's lines, {@code 80/tcp -> 0.0.0.0:8080}. */
@Command(name = "port", description = "List port mappings or a specific mapping for the container.",
        mixinStandardHelpOptions = true)
class PortCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
    String port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<PortBinding> bindings;
        try (Berth store = berth.open()) {
            bindings = store.containers().ports(container);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (port == null) {
            bindings.forEach(binding -> out.println(binding.containerKey() + " -> " + binding.hostAddress()));
        } else {
            String key = port.contains("/") ? port : port + "/tcp";
            List<PortBinding> matching = bindings.stream().filter(binding -> binding.containerKey().equals(key)).toList();
            if (matching.isEmpty()) {
                throw new NotFoundException("No public port '" + key + "' published for " + container);
            }
            matching.forEach(binding -> out.println(binding.hostAddress()));
        }
        out.flush();
        return 0;
    }
}
