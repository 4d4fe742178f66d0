package dev.berth.compose.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What selects and shapes a Compose project, as Docker Compose's global options and variables do: the files
 * ({@code -f}, else {@code COMPOSE_FILE}, else found upward from the working directory), {@code -p} (else
 * {@code COMPOSE_PROJECT_NAME}, else the top-level {@code name}, else the project directory's name),
 * {@code --project-directory}, {@code --env-file} (else the project directory's {@code .env}), {@code --profile}
 * (else {@code COMPOSE_PROFILES}). The environment is given, never read from the process.
 */
public record ProjectOptions(Path workingDirectory, List<Path> files, Optional<String> projectName,
                             Optional<Path> projectDirectory, List<Path> envFiles, List<String> profiles,
                             Map<String, String> environment, boolean interpolate) {

    public ProjectOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        files = List.copyOf(files);
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        environment = Map.copyOf(environment);
    }
}
