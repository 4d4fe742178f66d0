package dev.berth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code berth} command. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds, stores, ships and runs container images, without a daemon.",
        subcommands = {CommandLine.HelpCommand.class, InfoCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; the streams are the process's own. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(args);
    }
}
