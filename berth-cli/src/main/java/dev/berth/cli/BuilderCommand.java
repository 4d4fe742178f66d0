package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth builder}: the build cache. */
@Command(name = "builder", description = "Manage the build cache.", mixinStandardHelpOptions = true,
        subcommands = BuilderPruneCommand.class)
final class BuilderCommand {
}
