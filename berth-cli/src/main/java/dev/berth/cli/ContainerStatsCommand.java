package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container stats}: the same as {@code berth stats}. */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics.",
        mixinStandardHelpOptions = true)
final class ContainerStatsCommand extends StatsCommand {
}
