package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container top}: the same as {@code berth top}. */
@Command(name = "top", description = "Display the running processes of a container.", mixinStandardHelpOptions = true)
final class ContainerTopCommand extends TopCommand {
}
