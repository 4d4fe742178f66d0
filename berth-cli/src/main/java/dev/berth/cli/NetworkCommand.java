package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth network}: bridge networks, with netavark and aardvark-dns (docs/networks.md). */
@Command(name = "network", description = "Manage networks.", mixinStandardHelpOptions = true,
        subcommands = {NetworkCreateCommand.class, NetworkListCommand.class, NetworkInspectCommand.class,
                NetworkRemoveCommand.class, NetworkPruneCommand.class, NetworkConnectCommand.class,
                NetworkDisconnectCommand.class})
final class NetworkCommand {
}
