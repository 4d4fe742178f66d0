package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container port}: the same as {@code berth port}. */
@Command(name = "port", description = "List port mappings or a specific mapping for the container.",
        mixinStandardHelpOptions = true)
final class ContainerPortCommand extends PortCommand {
}
