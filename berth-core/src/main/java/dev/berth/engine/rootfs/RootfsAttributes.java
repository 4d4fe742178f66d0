package dev.berth.engine.rootfs;

import dev.berth.image.LayerRef;
import dev.berth.layer.EntryType;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The owner, mode, type and link target of the paths of a file system made of layers, as the layers' tar
 * headers record them, whiteouts applied. {@code COPY --from} keeps them as BuildKit does (they cannot be read
 * back from an extraction made without root, which owns everything itself), and WORKDIR and COPY look their
 * destinations up in them. A lookup reads the layers from the top down and stops at the first that decides
 * (has the path, removes it or a parent, or hides it below an opaque or replaced parent), and each layer's
 * headers are read only when a lookup gets that far: {@code COPY app/ /app/} over a WORKDIR layer never reads
 * the base.
 */
public final class RootfsAttributes {

    /**
     * One path's recorded owner, permission bits (set-id and sticky included), type, symlink target (empty
     * for other types) and extended attributes.
     */
    public record Attributes(long uid, long gid, int mode, EntryType type, String linkTarget, Map<String, String> xattrs) {
        public Attributes {
            xattrs = Map.copyOf(xattrs);
        }
    }

    /** For the build context: nothing recorded, so COPY makes files root's with the files' own modes. */
    public static final RootfsAttributes NONE = new RootfsAttributes(List.of());

    /** Topmost first; each reads its layer's headers on first use (and is shared by the build's lookups). */
    private final List<Supplier<LayerIndex>> layers;

    public RootfsAttributes(List<Supplier<LayerIndex>> topmostFirst) {
        this.layers = List.copyOf(topmostFirst);
    }

    /** The attributes of {@code path}, relative to the root and {@code /}-separated. */
    public Optional<Attributes> of(String path) {
        List<String> ancestors = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            ancestors.add(path.substring(0, slash));
        }
        for (Supplier<LayerIndex> supplier : layers) {
            LayerIndex layer = supplier.get();
            Attributes found = layer.entries().get(path);
            if (found != null) {
                return Optional.of(found);
            }
            if (layer.removed().contains(path)) {
                return Optional.empty();
            }
            for (String ancestor : ancestors) {
                Attributes parent = layer.entries().get(ancestor);
                // This layer decides for everything below an ancestor it removes, makes opaque or replaces.
                if (layer.removed().contains(ancestor) || layer.opaque().contains(ancestor)
                        || parent != null && parent.type() != EntryType.DIRECTORY) {
                    return Optional.empty();
                }
            }
            if (layer.opaque().contains("")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The attributes of {@code layers} (lowest first), each layer's headers read when first needed. */
    public static RootfsAttributes read(ContentStore content, List<LayerRef> layers) {
        List<Supplier<LayerIndex>> topmostFirst = new ArrayList<>();
        for (LayerRef layer : layers.reversed()) {
            topmostFirst.add(new Memo(() -> LayerIndex.read(content, layer)));
        }
        return new RootfsAttributes(topmostFirst);
    }

    /** The attributes of layer tars given lowest first, read now (tests). */
    public static RootfsAttributes read(InputStream... lowestFirst) throws IOException {
        List<Supplier<LayerIndex>> topmostFirst = new ArrayList<>();
        for (InputStream layer : lowestFirst) {
            LayerIndex index = LayerIndex.read(layer);
            topmostFirst.addFirst(() -> index);
        }
        return new RootfsAttributes(topmostFirst);
    }

    /** Reads once, for every thread that asks. */
    public static final class Memo implements Supplier<LayerIndex> {
        private final Supplier<LayerIndex> read;
        private volatile LayerIndex index;

        Memo(Supplier<LayerIndex> read) {
            this.read = read;
        }

        @Override
        public LayerIndex get() {
            LayerIndex known = index;
            if (known == null) {
                synchronized (this) {
                    known = index;
                    if (known == null) {
                        known = read.get();
                        index = known;
                    }
                }
            }
            return known;
        }
    }
}
