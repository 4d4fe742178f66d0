package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container attach}: the same as {@code berth attach}. */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container.", mixinStandardHelpOptions = true)
final class ContainerAttachCommand extends AttachCommand {
}
