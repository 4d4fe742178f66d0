package dev.berth.api.compose;

import dev.berth.api.ContainerSummary;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container of a project as its labels describe it: which service, which number, from which config.
 *
 * @param configHash the {@code config-hash} label (empty when missing: such a container is always recreated)
 * @param imageId    the image it runs, {@code sha256:…}
 */
public record ObservedContainer(String id, String name, String service, int number, boolean oneoff,
        String configHash, String imageId, boolean running, ContainerSummary summary) {

    public ObservedContainer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(imageId, "imageId");
    }

    /** The container, when it belongs to {@code project}. */
    static Optional<ObservedContainer> of(ContainerSummary container, String project) {
        Map<String, String> labels = container.labels();
        if (!project.equals(labels.get(ComposeLabels.PROJECT)) || !labels.containsKey(ComposeLabels.SERVICE)) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(labels.getOrDefault(ComposeLabels.NUMBER, "0"));
        } catch (NumberFormatException unreadable) {
            number = 0;
        }
        return Optional.of(new ObservedContainer(container.id(), container.name(), labels.get(ComposeLabels.SERVICE),
                number, "True".equalsIgnoreCase(labels.get(ComposeLabels.ONEOFF)),
                labels.getOrDefault(ComposeLabels.CONFIG_HASH, ""), container.imageId().toString(), container.running(),
                container));
    }
}
