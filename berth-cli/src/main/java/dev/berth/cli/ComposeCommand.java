package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ComposeRequest;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeProjectRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code berth compose}: Docker Compose's project options ({@code -f}, {@code -p}, {@code --project-directory},
 * {@code --env-file}, {@code --profile}) and the store's {@code --root}, shared by its subcommands.
 */
@Command(name = "compose", description = "Define and run multi-container applications (Docker Compose).",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ComposeConfigCommand.class, ComposeUpCommand.class, ComposeDownCommand.class,
                ComposePsCommand.class, ComposeLogsCommand.class, ComposeExecCommand.class, ComposeRunCommand.class,
                ComposeStopCommand.class, ComposeStartCommand.class, ComposeRestartCommand.class,
                ComposeRmCommand.class, ComposeKillCommand.class, ComposeLsCommand.class, ComposePortCommand.class,
                ComposeBuildCommand.class, ComposePullCommand.class})
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

    @Mixin
    StoreOptions store;

    /** The store's settings, as {@code --root} and the process's environment give them. */
    Settings settings() {
        return store.settings(System.getenv()).build();
    }

    /** The project these options select on {@code berth}, with its loading warnings printed. */
    ComposeProjectRuns project(Berth berth, Settings settings, java.io.PrintWriter err) {
        ComposeProjectRuns project = ComposeProjectRuns.open(berth, settings, request(true));
        project.warnings().forEach(warning -> err.println("WARN[0000] " + warning));
        err.flush();
        return project;
    }

    /** What a service command does to the project, its steps said on {@code progress}. */
    @FunctionalInterface
    interface ProjectAction {
        void apply(ComposeProjectRuns project, ComposeProgressLines progress);
    }

    /** Opens the store, loads the project, runs {@code action} with progress on standard error; exit code 0. */
    int onProject(picocli.CommandLine.Model.CommandSpec spec, ProjectAction action) {
        Settings settings = settings();
        try (Berth berth = Berth.open(settings)) {
            action.apply(project(berth, settings, spec.commandLine().getErr()),
                    new ComposeProgressLines(spec.commandLine().getErr()));
        }
        return 0;
    }

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
