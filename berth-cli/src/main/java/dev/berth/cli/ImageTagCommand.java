package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image tag}: the same as {@code berth tag}. */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.",
        mixinStandardHelpOptions = true)
final class ImageTagCommand extends TagCommand {
}
