package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth system}: the local store as a whole. */
@Command(name = "system", description = "Manage the local store.", mixinStandardHelpOptions = true,
        subcommands = {SystemDfCommand.class, SystemPruneCommand.class})
final class SystemCommand {
}
