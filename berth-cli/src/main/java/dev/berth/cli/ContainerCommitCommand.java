package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container commit}: the same as {@code berth commit}. */
@Command(name = "commit", description = "Create a new image from a container's changes.", mixinStandardHelpOptions = true)
final class ContainerCommitCommand extends CommitCommand {
}
