package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose port SERVICE PRIVATE_PORT}: the public address a port of the service is published on. */
@Command(name = "port", mixinStandardHelpOptions = true, description = "Print the public port for a port binding.")
final class ComposePortCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", paramLabel = "PROTO", defaultValue = "tcp", description = "tcp or udp.")
    String protocol;

    @Option(names = "--index", paramLabel = "N", defaultValue = "1", description = "Index of the container (default: 1).")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
    int port;

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            var project = compose.project(berth, settings, spec.commandLine().getErr());
            var published = project.port(service, port, protocol, index);
            if (published.isEmpty()) {
                throw new dev.berth.error.NotFoundException("no port " + port + "/" + protocol
                        + " for container " + project.name() + "-" + service + "-" + index);
            }
            spec.commandLine().getOut().println(published.get());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
