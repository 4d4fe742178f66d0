package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image ls} (or {@code list}): the same as {@code berth images}. */
@Command(name = "ls", aliases = "list", description = "List images.", mixinStandardHelpOptions = true)
final class ImageListCommand extends ImagesCommand {
}
