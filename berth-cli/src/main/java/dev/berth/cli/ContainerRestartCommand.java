package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container restart}: the same as {@code berth restart}. */
@Command(name = "restart", description = "Restart one or more containers.", mixinStandardHelpOptions = true)
final class ContainerRestartCommand extends RestartCommand {
}
