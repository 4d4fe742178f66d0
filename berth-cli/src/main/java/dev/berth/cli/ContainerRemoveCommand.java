package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container rm}: the same as {@code berth rm}. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more containers.", mixinStandardHelpOptions = true)
final class ContainerRemoveCommand extends RmCommand {
}
