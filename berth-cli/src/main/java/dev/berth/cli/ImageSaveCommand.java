package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image save}: the same as {@code berth save}. */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default).",
        mixinStandardHelpOptions = true)
final class ImageSaveCommand extends SaveCommand {
}
