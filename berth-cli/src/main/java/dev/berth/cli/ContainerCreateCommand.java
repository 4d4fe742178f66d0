package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container create}: the same as {@code berth create}. */
@Command(name = "create", description = "Create a new container.", mixinStandardHelpOptions = true)
final class ContainerCreateCommand extends CreateCommand {
}
