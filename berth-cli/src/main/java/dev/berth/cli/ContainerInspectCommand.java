package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container inspect}: {@code berth inspect --type container}. */
@Command(name = "inspect", description = "Display detailed information on one or more containers.",
        mixinStandardHelpOptions = true)
final class ContainerInspectCommand extends InspectCommand {

    @Override
    String kind() {
        return "container";
    }
}
