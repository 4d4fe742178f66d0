package dev.berth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code berth create [OPTIONS] IMAGE [COMMAND [ARG...]]}: makes a container as {@code run -d} does and leaves it
 * {@code Created}, printing its full ID; {@code berth start [-a]} runs it. {@code run}'s options, as Docker's
 * {@code create} has them ({@code --rm} included); {@code -d} is refused as Docker refuses it.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a new container.",
                "The container is made (root file system, volumes, configuration) but not started: berth start runs it; "
                        + "its networks are set up when it starts."},
        footer = "Exit status: 0, or 125 when berth fails to create it.")
class CreateCommand extends RunCommand {

    @Override
    public Integer call() {
        if (detach) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown shorthand flag: 'd' in -d");
        }
        return super.call();
    }

    @Override
    boolean creates() {
        return true;
    }
}
