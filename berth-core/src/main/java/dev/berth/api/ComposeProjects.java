package dev.berth.api;

import dev.berth.compose.load.ProjectLoader;
import dev.berth.compose.load.ProjectOptions;
import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.print.ConfigRenderer;

/**
 * Compose projects without a store: loading a project and showing it as {@code docker compose config} does.
 * {@code up} and {@code down} will take the same {@link ComposeRequest} on {@link Berth}.
 */
public final class ComposeProjects {

    private ComposeProjects() {
    }

    /**
     * Loads the project {@code request} selects and renders {@code view}.
     *
     * @throws dev.berth.error.InvalidInputException naming file, line and attribute when the project is invalid
     * @throws dev.berth.error.NotFoundException when no Compose file is found or a named file is missing
     */
    public static ComposeConfig config(ComposeRequest request, ComposeView view) {
        ComposeProject project = ProjectLoader.load(new ProjectOptions(request.workingDirectory(), request.files(),
                request.projectName(), request.projectDirectory(), request.envFiles(), request.profiles(),
                request.environment(), request.interpolate()));
        String text = switch (view) {
            case ComposeView.Yaml yaml -> ConfigRenderer.yaml(project, request.interpolate());
            case ComposeView.Json json -> ConfigRenderer.json(project, request.interpolate());
            case ComposeView.Services services -> ConfigRenderer.services(project);
            case ComposeView.Volumes volumes -> ConfigRenderer.volumes(project);
            case ComposeView.Profiles profiles -> ConfigRenderer.profiles(project);
            case ComposeView.Images images -> ConfigRenderer.images(project);
            case ComposeView.Hashes hashes -> ConfigRenderer.hashes(project, hashes.services());
        };
        return new ComposeConfig(project.name(), project.serviceNames(), text, project.warnings());
    }
}
