package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ExecRequest;
import dev.berth.api.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth compose exec SERVICE COMMAND...}: the command in the service's first container (or {@code --index}),
 * with a terminal when this process has one, as Compose; {@code -T} turns it off.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Execute a command in a running container.")
final class ComposeExecCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = "-T", description = "Disable pseudo-TTY allocation.")
    boolean noTty;

    @Option(names = {"-d", "--detach"}, description = "Run command in the background.")
    boolean detach;

    @Option(names = {"-u", "--user"}, paramLabel = "USER")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR")
    String workdir;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE")
    List<String> env = new ArrayList<>();

    @Option(names = "--index", paramLabel = "N", defaultValue = "1", description = "Index of the container (default: 1).")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        boolean tty = !noTty && !detach && System.console() != null && System.console().isTerminal();
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            return compose.project(berth, settings, spec.commandLine().getErr()).exec(service, index,
                    new ExecRequest(service, command, env, Optional.ofNullable(user), Optional.ofNullable(workdir),
                            tty, tty, detach));
        }
    }
}
