package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container export}: the same as {@code berth export}. */
@Command(name = "export", description = "Export a container's filesystem as a tar archive.",
        mixinStandardHelpOptions = true)
final class ContainerExportCommand extends ExportCommand {
}
