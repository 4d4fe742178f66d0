package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container exec}: the same as {@code berth exec}. */
@Command(name = "exec", description = "Execute a command in a running container.", mixinStandardHelpOptions = true)
final class ContainerExecCommand extends ExecCommand {
}
