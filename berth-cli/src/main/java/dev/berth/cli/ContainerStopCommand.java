package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container stop}: the same as {@code berth stop}. */
@Command(name = "stop", description = "Stop one or more running containers.", mixinStandardHelpOptions = true)
final class ContainerStopCommand extends StopCommand {
}
