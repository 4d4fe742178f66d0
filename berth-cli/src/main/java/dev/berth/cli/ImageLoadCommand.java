package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image load}: the same as {@code berth load}. */
@Command(name = "load", description = "Load images from a tar archive or STDIN.", mixinStandardHelpOptions = true)
final class ImageLoadCommand extends LoadCommand {
}
