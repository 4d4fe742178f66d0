package dev.berth.engine.rootfs;

import dev.berth.image.LayerRef;
import dev.berth.store.ContentStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The paths, owners and modes of the build's file systems made of layers ({@link RootfsAttributes}), for one
 * build: each layer's index is read at most once per build, when a lookup first reaches that layer, however
 * many stages and steps share it (WORKDIR, COPY, {@code COPY --from}), and from its file when an earlier build
 * made one. Safe for the build's threads.
 */
public final class LayerTrees {

    private final LayerIndexFiles files;
    private final Map<LayerRef, RootfsAttributes.Memo> indexes = new ConcurrentHashMap<>();

    /** @param indexDirectory where each layer's index is kept between builds ({@link LayerIndexFiles}) */
    public LayerTrees(ContentStore content, Path indexDirectory) {
        this.files = new LayerIndexFiles(content, indexDirectory);
    }

    public RootfsAttributes of(List<LayerRef> layers) {
        List<Supplier<LayerIndex>> topmostFirst = new ArrayList<>();
        for (LayerRef layer : layers.reversed()) {
            topmostFirst.add(indexes.computeIfAbsent(layer,
                    key -> new RootfsAttributes.Memo(() -> files.of(key))));
        }
        return new RootfsAttributes(topmostFirst);
    }
}
