package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container wait}: the same as {@code berth wait}. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes.", mixinStandardHelpOptions = true)
final class ContainerWaitCommand extends WaitCommand {
}
