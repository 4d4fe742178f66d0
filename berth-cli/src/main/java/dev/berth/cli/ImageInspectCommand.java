package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth image inspect}: the same as {@code berth inspect}. */
@Command(name = "inspect", description = "Display detailed information on one or more images.",
        mixinStandardHelpOptions = true)
final class ImageInspectCommand extends InspectCommand {

    @Override
    String kind() {
        return "image";
    }
}
