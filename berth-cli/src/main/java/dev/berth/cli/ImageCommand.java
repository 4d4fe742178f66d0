package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image}: the image commands under Docker's management-command names. */
@Command(name = "image", description = "Manage images.", mixinStandardHelpOptions = true,
        subcommands = {ImageListCommand.class, ImageInspectCommand.class, ImageHistoryCommand.class,
                ImageTagCommand.class, ImageRemoveCommand.class, ImagePruneCommand.class, ImageSaveCommand.class,
                ImageLoadCommand.class, ImageImportCommand.class})
final class ImageCommand {
}
