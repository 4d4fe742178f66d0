package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image rm} (or {@code remove}): the same as {@code berth rmi}. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more images.", mixinStandardHelpOptions = true)
final class ImageRemoveCommand extends RmiCommand {
}
