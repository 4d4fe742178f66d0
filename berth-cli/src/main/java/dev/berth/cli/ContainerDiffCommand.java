package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container diff}: the same as {@code berth diff}. */
@Command(name = "diff", description = "Inspect changes to files or directories on a container's filesystem.",
        mixinStandardHelpOptions = true)
final class ContainerDiffCommand extends DiffCommand {
}
