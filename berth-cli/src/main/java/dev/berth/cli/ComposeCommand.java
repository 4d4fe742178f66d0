package dev.berth.cli;

import dev.berth.api.ComposeRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth compose}: Docker Compose's project options, shared by its subcommands (only {@code config} for
 * now; {@code up} and {@code down} come with containers, networks and volumes).
 */
@Command(name = "compose", description = "Define and run multi-container applications (Docker Compose).",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ComposeConfigCommand.class})
final class ComposeCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose configuration files.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "The project's working directory (default: the first file's directory).")
    Path projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Alternate environment files.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "A profile to enable.")
    List<String> profiles = new ArrayList<>();

    /** The request these options select, from the current directory and the process's environment. */
    ComposeRequest request(boolean interpolate) {
        return request(Path.of("").toAbsolutePath(), System.getenv(), interpolate);
    }

    ComposeRequest request(Path workingDirectory, Map<String, String> environment, boolean interpolate) {
        ComposeRequest.Builder builder = ComposeRequest.builder(workingDirectory).files(files).envFiles(envFiles)
                .profiles(profiles).environment(environment).interpolate(interpolate);
        if (projectName != null) {
            builder.projectName(projectName);
        }
        if (projectDirectory != null) {
            builder.projectDirectory(projectDirectory);
        }
        return builder.build();
    }
}
