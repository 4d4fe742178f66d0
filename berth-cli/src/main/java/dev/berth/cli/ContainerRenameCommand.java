package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container rename}: the same as {@code berth rename}. */
@Command(name = "rename", description = "Rename a container.", mixinStandardHelpOptions = true)
final class ContainerRenameCommand extends RenameCommand {
}
