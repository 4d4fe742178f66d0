package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth dockerfile}: tools that read a Dockerfile without building it. */
@Command(
        name = "dockerfile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads Dockerfiles without building them.",
        subcommands = {
                DockerfileParseCommand.class,
                DockerfileExpandCommand.class,
                DockerfileCheckCommand.class
        })
final class DockerfileCommand {
}
