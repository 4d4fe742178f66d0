package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth buildx build}: the same as {@code berth build}, for scripts written for Docker's buildx. */
@Command(name = "buildx", description = "Docker buildx compatibility: buildx build is berth build.",
        mixinStandardHelpOptions = true, subcommands = BuildCommand.class)
final class BuildxCommand {
}
