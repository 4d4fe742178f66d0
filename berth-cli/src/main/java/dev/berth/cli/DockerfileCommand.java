package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth dockerfile}: tools that work on Dockerfiles without building them. */
@Command(
        name = "dockerfile",
        mixinStandardHelpOptions = true,
        description = "Works on Dockerfiles without building them.",
        subcommands = {DockerfileExpandCommand.class})
final class DockerfileCommand {}
