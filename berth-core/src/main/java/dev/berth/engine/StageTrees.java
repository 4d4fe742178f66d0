package dev.berth.engine;

import dev.berth.store.ContentStore;
import java.util.List;

/**
 * The paths of one stage's file system as its layers grow, step by step: each call reads only the layers
 * added since the last one, so a stage on a large base reads the base's headers once, not per step.
 * Used by one stage's steps, one at a time.
 */
final class StageTrees {

    private final ContentStore content;
    private List<LayerRef> layers = List.of();
    private RootfsAttributes tree = RootfsAttributes.NONE;

    StageTrees(ContentStore content) {
        this.content = content;
    }

    StagePaths of(List<LayerRef> current) {
        boolean grows = current.size() >= layers.size() && current.subList(0, layers.size()).equals(layers);
        if (!grows) {
            tree = RootfsAttributes.read(content, current);
        } else if (current.size() > layers.size()) {
            tree = tree.plus(content, current.subList(layers.size(), current.size()));
        }
        layers = List.copyOf(current);
        return new StagePaths(tree);
    }
}
