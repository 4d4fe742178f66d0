package dev.berth.cli;

import picocli.CommandLine.Command;

/** {@code berth dockerfile check}: the older name of {@code berth check}, the same options and code. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "The same as berth check: checks a Dockerfile without building it (BuildKit's build checks and"
                + " best practices). Exits 0 when clean at the fail level, 1 on findings, 2 when it could not check.")
final class DockerfileCheckCommand extends CheckCommand {
}
