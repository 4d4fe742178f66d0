package dev.berth.engine;

import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.LayerRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage between two steps: its image config, its layers (base first) and the cache key so far.
 *
 * @param base the base image's manifest digest, when the stage started from a stored image
 */
public record StageState(ImageConfig config, List<LayerRef> layers, Digest key, Optional<Digest> base) {

    public StageState {
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(base, "base");
    }

    StageState next(ImageConfig newConfig, Optional<LayerRef> layer, Digest newKey) {
        List<LayerRef> all = new ArrayList<>(layers);
        layer.ifPresent(all::add);
        return new StageState(newConfig, all, newKey, base);
    }
}
