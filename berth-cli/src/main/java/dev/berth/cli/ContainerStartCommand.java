package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container start}: the same as {@code berth start}. */
@Command(name = "start", description = "Start one or more stopped containers.", mixinStandardHelpOptions = true)
final class ContainerStartCommand extends StartCommand {
}
