package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container cp}: the same as {@code berth cp}. */
@Command(name = "cp", description = "Copy files/folders between a container and the local filesystem.",
        mixinStandardHelpOptions = true)
final class ContainerCpCommand extends CpCommand {
}
