package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container ls}: the same as {@code berth ps}. */
@Command(name = "ls", aliases = {"list", "ps"}, description = "List containers.", mixinStandardHelpOptions = true)
final class ContainerListCommand extends PsCommand {
}
