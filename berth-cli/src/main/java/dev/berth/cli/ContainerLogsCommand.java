package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container logs}: the same as {@code berth logs}. */
@Command(name = "logs", description = "Fetch the logs of a container.", mixinStandardHelpOptions = true)
final class ContainerLogsCommand extends LogsCommand {
}
