package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ExecRequest;
import dev.berth.error.BerthException;
import java.util.ArrayList;
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

/**
 * {@code berth exec [OPTIONS] CONTAINER COMMAND [ARG...]}: runs a command in a running container, as
 * {@code docker exec}. Exits with the command's exit code, 127/126 when it is not found/not executable, 125 when
 * Berth fails (a container that is not running among them).
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Execute a command in a running container.",
                "The command gets the container's environment, user and working directory unless -e, -u, -w say otherwise."},
        footer = "Exit status: the command's; 127 command not found, 126 not executable; 125 when berth fails to run it.")
class ExecCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "The container's name or ID.")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Start the command and leave it running; its output is discarded.")
    boolean detach;

    @Option(names = {"-i", "--interactive"}, description = "Pass standard input to the command.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Give the command a pseudo-terminal (with -i, standard input must be a terminal).")
    boolean tty;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY[=VALUE]", description = "Set an environment variable; KEY alone takes it from berth's environment.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "The user (name or uid) to run as.")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "The working directory inside the container.")
    String workdir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            var request = new ExecRequest(container, command, environment(System.getenv()), Optional.ofNullable(user),
                    Optional.ofNullable(workdir), interactive, tty, detach);
            spec.commandLine().getOut().flush();
            return store.execs().run(request);
        } catch (BerthException e) {
            new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
            return RunCommand.exitCode(e);
        }
    }

    /** The {@code -e} pairs; a bare KEY takes its value from berth's environment or is dropped, as Docker does. */
    private List<String> environment(Map<String, String> environment) {
        List<String> resolved = new ArrayList<>();
        for (String pair : env) {
            if (pair.contains("=")) {
                resolved.add(pair);
            } else if (environment.containsKey(pair)) {
                resolved.add(pair + "=" + environment.get(pair));
            }
        }
        return List.copyOf(resolved);
    }
}
