package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container kill}: the same as {@code berth kill}. */
@Command(name = "kill", description = "Kill one or more running containers.", mixinStandardHelpOptions = true)
final class ContainerKillCommand extends KillCommand {
}
