package dev.berth.engine;

import dev.berth.store.ContentStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The paths, owners and modes of file systems made of layers, as their tar headers record them, for one build:
 * each is the one of its layers but the last with the last one's headers applied, so a base image's headers are
 * read once per build, not once per stage and step that asks (WORKDIR, COPY, {@code COPY --from}). Safe for
 * the build's threads; callers asking for the same layers at once share one reading. The most recent
 * {@value #KEPT} trees are kept.
 */
final class LayerTrees {

    private static final int KEPT = 16;

    private final ContentStore content;
    private final Map<List<LayerRef>, CompletableFuture<RootfsAttributes>> trees = new LinkedHashMap<>(16, 0.75f, true);

    LayerTrees(ContentStore content) {
        this.content = content;
    }

    RootfsAttributes of(List<LayerRef> layers) {
        if (layers.isEmpty()) {
            return RootfsAttributes.NONE;
        }
        List<LayerRef> key = List.copyOf(layers);
        CompletableFuture<RootfsAttributes> mine = new CompletableFuture<>();
        CompletableFuture<RootfsAttributes> known;
        synchronized (trees) {
            known = trees.putIfAbsent(key, mine);
            while (trees.size() > KEPT) {
                trees.remove(trees.keySet().iterator().next());
            }
        }
        if (known != null) {
            return await(known);
        }
        try {
            // Layer by layer, so that every prefix is known: stages on one base share its tree.
            RootfsAttributes tree = of(key.subList(0, key.size() - 1)).plus(content, List.of(key.getLast()));
            mine.complete(tree);
            return tree;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (trees) {
                trees.remove(key, mine);
            }
            throw e;
        }
    }

    /** The tree another caller is reading; its failure is thrown as it was thrown there. */
    private static RootfsAttributes await(CompletableFuture<RootfsAttributes> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
