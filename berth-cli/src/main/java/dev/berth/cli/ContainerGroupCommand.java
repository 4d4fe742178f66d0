package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth container}: the container commands under Docker's management-command names. */
@Command(name = "container", description = "Manage containers.", mixinStandardHelpOptions = true,
        subcommands = {ContainerListCommand.class, ContainerLogsCommand.class, ContainerStartCommand.class,
                ContainerStopCommand.class, ContainerKillCommand.class, ContainerRemoveCommand.class,
                ContainerWaitCommand.class, ContainerPortCommand.class,
                ContainerInspectCommand.class, ContainerCpCommand.class,
                ContainerDiffCommand.class, ContainerExportCommand.class, ContainerCreateCommand.class,
                ContainerRestartCommand.class, ContainerPruneCommand.class, ContainerExecCommand.class,
                ContainerAttachCommand.class, ContainerCommitCommand.class, ContainerRenameCommand.class,
                ContainerTopCommand.class, ContainerStatsCommand.class})
final class ContainerGroupCommand {
}
