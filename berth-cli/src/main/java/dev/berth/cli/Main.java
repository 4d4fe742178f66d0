package dev.berth.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code berth} command. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds, stores, ships and runs container images, without a daemon.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BuildCommand.class,
                BuildxCommand.class,
                BuilderCommand.class,
                DockerfileCommand.class,
                DockerignoreCommand.class,
                ContextCommand.class,
                SystemCommand.class,
                InfoCommand.class,
                ImageCommand.class,
                ImagesCommand.class,
                InspectCommand.class,
                HistoryCommand.class,
                TagCommand.class,
                RmiCommand.class,
                SaveCommand.class,
                LoadCommand.class,
                ImportCommand.class,
                RunCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; the streams are the process's own. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        // Everything after `run IMAGE` is the container's command, options included, as with docker run.
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        // Output is UTF-8 whatever the locale: dumps and diagnostics quote Dockerfile text.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return commandLine.execute(args);
    }
}
