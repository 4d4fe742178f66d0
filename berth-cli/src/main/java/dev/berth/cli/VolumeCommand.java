package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth volume}: Docker's local volumes, in the store's {@code volumes/}. */
@Command(name = "volume", description = "Manage volumes.", mixinStandardHelpOptions = true,
        subcommands = {VolumeCreateCommand.class, VolumeListCommand.class, VolumeInspectCommand.class,
                VolumeRemoveCommand.class, VolumePruneCommand.class})
final class VolumeCommand {
}
