package dev.berth.cli;

import dev.berth.api.Berth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth network prune}: removes the user networks no container uses, with Docker's prompt and report. */
@Command(name = "prune", description = "Remove all unused networks.", mixinStandardHelpOptions = true)
final class NetworkPruneCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!force) {
            out.print("WARNING! This will remove all custom networks not used by at least one container.\n"
                    + "Are you sure you want to continue? [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                return 0;
            }
        }
        List<String> removed;
        try (Berth store = berth.open()) {
            removed = store.networks().prune();
        }
        if (!removed.isEmpty()) {
            out.println("Deleted Networks:");
            removed.forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
