package dev.berth.container;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import java.util.List;
import java.util.Objects;

/**
 * The image a detached container is made from, as the façade finds it in the store.
 *
 * @param reference the image as the user named it, kept for {@code ps}
 * @param id        its config digest
 * @param config    its container config (command, environment, user, stop signal, labels)
 * @param layers    its layers, bottom first
 */
public record ContainerImage(String reference, Digest id, ContainerConfig config, List<LayerRef> layers) {

    public ContainerImage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
    }
}
