package dev.berth.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Compose project, as Docker Compose's global options select it; made with {@link #builder}.
 *
 * @param workingDirectory where files are looked for (upward) and relative paths start
 * @param files            {@code -f} files in merge order; empty to use {@code COMPOSE_FILE} or look for them
 * @param projectName      {@code -p}
 * @param projectDirectory {@code --project-directory}; else the first file's directory
 * @param envFiles         {@code --env-file}s; else the project directory's {@code .env}
 * @param profiles         {@code --profile}s; else {@code COMPOSE_PROFILES}
 * @param environment      the variables (the process's, for the CLI): interpolation, {@code COMPOSE_*}
 * @param interpolate      false for {@code config --no-interpolate}
 */
public record ComposeRequest(Path workingDirectory, List<Path> files, Optional<String> projectName,
                             Optional<Path> projectDirectory, List<Path> envFiles, List<String> profiles,
                             Map<String, String> environment, boolean interpolate) {

    public ComposeRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        files = List.copyOf(files);
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        environment = Map.copyOf(environment);
    }

    public static Builder builder(Path workingDirectory) {
        return new Builder(workingDirectory);
    }

    /** Sets a request's fields one by one; not thread-safe. */
    public static final class Builder {

        private final Path workingDirectory;
        private List<Path> files = List.of();
        private Optional<String> projectName = Optional.empty();
        private Optional<Path> projectDirectory = Optional.empty();
        private List<Path> envFiles = List.of();
        private List<String> profiles = List.of();
        private Map<String, String> environment = Map.of();
        private boolean interpolate = true;

        private Builder(Path workingDirectory) {
            this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        }

        public Builder files(List<Path> value) {
            files = value;
            return this;
        }

        public Builder projectName(String value) {
            projectName = Optional.of(value);
            return this;
        }

        public Builder projectDirectory(Path value) {
            projectDirectory = Optional.of(value);
            return this;
        }

        public Builder envFiles(List<Path> value) {
            envFiles = value;
            return this;
        }

        public Builder profiles(List<String> value) {
            profiles = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder interpolate(boolean value) {
            interpolate = value;
            return this;
        }

        public ComposeRequest build() {
            return new ComposeRequest(workingDirectory, files, projectName, projectDirectory, envFiles, profiles,
                    environment, interpolate);
        }
    }
}
