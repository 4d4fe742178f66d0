package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.NetworkSummary;
import dev.berth.api.VolumeSummary;
import dev.berth.error.NotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code compose down}: the project's containers stopped and removed (orphans and one-off ones only with
 * {@code --remove-orphans}, as Compose), then its networks; {@code -v} its named volumes, {@code --rmi} its images.
 * Everything is found by label, so a project known only by name goes as wholly as one with files.
 */
final class ProjectDown {

    private final Berth berth;
    private final String project;
    private final Optional<ProjectSpec> spec;
    private final ComposeProgress progress;

    ProjectDown(Berth berth, String project, Optional<ProjectSpec> spec, ComposeProgress progress) {
        this.berth = berth;
        this.project = project;
        this.spec = spec;
        this.progress = progress;
    }

    void run(DownOptions options) {
        Set<String> images = new java.util.concurrent.ConcurrentSkipListSet<>();
        List<dev.berth.api.ContainerSummary> going = ProjectState.containers(berth, project).stream()
                .filter(c -> options.removeOrphans() || (!c.oneoff()
                        && spec.map(s -> s.services().containsKey(c.service())).orElse(true)))
                .map(ObservedContainer::summary).toList();
        DependencyOrder.reverse(going, container -> {
            if (container.running()) {
                progress.event("Container", container.name(), "Stopping", false);
                berth.containers().stop(container.id(), options.timeout());
                progress.event("Container", container.name(), "Stopped", true);
            }
            progress.event("Container", container.name(), "Removing", false);
            berth.containers().remove(container.id(), true);
            progress.event("Container", container.name(), "Removed", true);
            images.add(container.image());
        });
        for (NetworkSummary network : ProjectState.networks(berth, project)) {
            progress.event("Network", network.name(), "Removing", false);
            berth.networks().remove(network.id());
            progress.event("Network", network.name(), "Removed", true);
        }
        if (options.volumes()) {
            for (VolumeSummary volume : ProjectState.volumes(berth, project)) {
                progress.event("Volume", volume.name(), "Removing", false);
                berth.volumes().remove(volume.name(), true);
                progress.event("Volume", volume.name(), "Removed", true);
            }
        }
        options.removeImages().ifPresent(which -> removeImages(which, images));
    }

    private void removeImages(String which, Set<String> used) {
        Set<String> images = new LinkedHashSet<>();
        spec.ifPresent(s -> s.services().values().forEach(service -> {
            boolean local = service.build().isPresent() && service.image().equals(project + "-" + service.name());
            if (which.equals("all") || local) {
                images.add(service.image());
            }
        }));
        if (spec.isEmpty()) {
            used.stream().filter(image -> which.equals("all") || image.startsWith(project + "-")).forEach(images::add);
        }
        for (String image : images) {
            try {
                progress.event("Image", image, "Removing", false);
                berth.remove(image, false);
                progress.event("Image", image, "Removed", true);
            } catch (NotFoundException gone) {
                // Never built or pulled, or removed meanwhile: nothing to remove, as Compose.
            }
        }
    }

}
