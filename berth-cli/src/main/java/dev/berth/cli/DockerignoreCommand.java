package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth dockerignore}: inspect ignore files and test patterns. */
@Command(
        name = "dockerignore",
        mixinStandardHelpOptions = true,
        description = "Reads .dockerignore files and tests patterns against paths.",
        subcommands = {DockerignoreMatchCommand.class, DockerignoreReadCommand.class})
final class DockerignoreCommand {
}
