package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerOutput;
import dev.berth.api.LogsRequest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth logs CONTAINER}: what the container wrote to stdout on stdout, to stderr on stderr. */
@Command(name = "logs", description = "Fetch the logs of a container.", mixinStandardHelpOptions = true)
class LogsCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--follow"}, description = "Follow log output until the container exits.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "all",
            description = "Number of lines to show from the end of the logs (default: ${DEFAULT-VALUE}).")
    String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var request = new LogsRequest(follow, tailLines(tail), timestamps);
        try (Berth store = berth.open()) {
            // Flushed at once: with -f the reader sees each line as the container writes it.
            store.containers().logs(container, request, (source, bytes) -> {
                PrintWriter to = source == ContainerOutput.Source.STDOUT ? out : err;
                to.print(new String(bytes, StandardCharsets.UTF_8));
                to.flush();
            });
        }
        return 0;
    }

    /** Docker's {@code --tail}: a count, or {@code all} (a negative count also means all). */
    static OptionalInt tailLines(String tail) {
        if (tail.equals("all")) {
            return OptionalInt.empty();
        }
        try {
            int lines = Integer.parseInt(tail);
            return lines < 0 ? OptionalInt.empty() : OptionalInt.of(lines);
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new LogsCommand()),
                    "invalid value for --tail: " + tail);
        }
    }
}
