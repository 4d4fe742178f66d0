package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth context}: what a build context holds. */
@Command(
        name = "context",
        mixinStandardHelpOptions = true,
        description = "Inspects a build context as a build would see it.",
        subcommands = {ContextListCommand.class})
final class ContextCommand {
}
