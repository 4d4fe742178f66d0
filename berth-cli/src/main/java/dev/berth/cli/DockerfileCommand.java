package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth dockerfile}: commands that read a Dockerfile without building it. */
@Command(
        name = "dockerfile",
        mixinStandardHelpOptions = true,
        description = "Inspects Dockerfiles.",
        subcommands = {DockerfileCheckCommand.class})
final class DockerfileCommand {}
