package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.NetworkSummary;
import dev.berth.api.VolumeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A project's resources found by their labels alone: no file needed, nothing kept elsewhere. */
final class ProjectState {

    private ProjectState() {
    }

    /** The project's containers, stopped ones included, by service then number. */
    static List<ObservedContainer> containers(Berth berth, String project) {
        List<ObservedContainer> out = new ArrayList<>();
        for (ContainerSummary container : berth.containers().list(true)) {
            ObservedContainer.of(container, project).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(ObservedContainer::service).thenComparingInt(ObservedContainer::number)
                .thenComparing(ObservedContainer::name));
        return List.copyOf(out);
    }

    static List<NetworkSummary> networks(Berth berth, String project) {
        return berth.networks().list().stream()
                .filter(network -> project.equals(network.labels().get(ComposeLabels.PROJECT))).toList();
    }

    static List<VolumeSummary> volumes(Berth berth, String project) {
        return berth.volumes().list().stream()
                .filter(volume -> project.equals(volume.labels().get(ComposeLabels.PROJECT))).toList();
    }

    /** Every project with a container, by name: {@code compose ls}. */
    static List<ProjectSummary> projects(Berth berth, boolean all) {
        Map<String, List<ContainerSummary>> byProject = new TreeMap<>();
        for (ContainerSummary container : berth.containers().list(true)) {
            String project = container.labels().get(ComposeLabels.PROJECT);
            if (project != null) {
                byProject.computeIfAbsent(project, name -> new ArrayList<>()).add(container);
            }
        }
        List<ProjectSummary> out = new ArrayList<>();
        byProject.forEach((name, containers) -> {
            Map<String, Integer> states = new TreeMap<>();
            containers.forEach(c -> states.merge(c.state(), 1, Integer::sum));
            if (!all && !states.containsKey("running")) {
                return;
            }
            List<String> parts = new ArrayList<>();
            states.forEach((state, count) -> parts.add(state + "(" + count + ")"));
            String files = containers.getFirst().labels().getOrDefault(ComposeLabels.CONFIG_FILES, "");
            out.add(new ProjectSummary(name, String.join(", ", parts), files));
        });
        return List.copyOf(out);
    }
}
