package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image import}: the same as {@code berth import}. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image.",
        mixinStandardHelpOptions = true)
final class ImageImportCommand extends ImportCommand {
}
