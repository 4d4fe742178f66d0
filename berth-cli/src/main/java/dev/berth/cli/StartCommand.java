package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerOutput;
import dev.berth.error.BerthException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth start [-a] [-i] CONTAINER...}: starts created or exited containers again, detached, printing each as
 * given; with {@code -a} (one container, as Docker) its output is joined until it exits, and its exit code is
 * berth's.
 */
@Command(name = "start", description = "Start one or more stopped containers.", mixinStandardHelpOptions = true)
class StartCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals.")
    boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN.")
    boolean interactive;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((attach || interactive) && containers.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "you cannot start and attach multiple containers at once");
        }
        try (Berth store = berth.open()) {
            BootRestartText.startDue(store, spec.commandLine().getErr());
            if (attach || interactive) {
                return attached(store);
            }
            return ContainerBatch.each(containers, spec, container -> {
                store.containers().start(container);
                return container;
            });
        }
    }

    private int attached(Berth store) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return store.containers().startAttached(containers.getFirst(), interactive, (source, bytes) -> {
                PrintWriter to = source == ContainerOutput.Source.STDOUT ? out : err;
                to.print(new String(bytes, StandardCharsets.UTF_8));
                to.flush();
            });
        } catch (BerthException e) {
            new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
            return 1;
        }
    }
}
