package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image history}: the same as {@code berth history}. */
@Command(name = "history", description = "Show the history of an image.", mixinStandardHelpOptions = true)
final class ImageHistoryCommand extends HistoryCommand {
}
