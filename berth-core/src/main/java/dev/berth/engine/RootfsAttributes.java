package dev.berth.engine;

import dev.berth.error.StoreException;
import dev.berth.layer.BoundedTarInputStream;
import dev.berth.layer.CompressionStreams;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The owner and permission bits of every path of a file system made of layers, as the layers' tar headers
 * record them, whiteouts applied. {@code COPY --from} keeps them as BuildKit does; they cannot be read
 * back from an extraction made without root, which owns everything itself.
 */
final class RootfsAttributes {

    /** One path's recorded owner and permission bits (set-id and sticky included). */
    record Attributes(long uid, long gid, int mode) {}

    /** For the build context: nothing recorded, so COPY makes files root's with the files' own modes. */
    static final RootfsAttributes NONE = new RootfsAttributes(new TreeMap<>());

    private final NavigableMap<String, Attributes> byPath;

    private RootfsAttributes(NavigableMap<String, Attributes> byPath) {
        this.byPath = byPath;
    }

    /** The attributes of {@code path}, relative to the root and {@code /}-separated. */
    Optional<Attributes> of(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Reads the headers of {@code layers}, lowest first. */
    static RootfsAttributes read(ContentStore content, List<LayerRef> layers) {
        NavigableMap<String, Attributes> byPath = new TreeMap<>();
        for (LayerRef layer : layers) {
            try (InputStream blob = content.open(layer.blob().digest())) {
                apply(blob, byPath);
            } catch (IOException e) {
                throw new StoreException("reading the owners in layer " + layer.blob().digest(), e);
            }
        }
        return new RootfsAttributes(byPath);
    }

    static RootfsAttributes read(InputStream... layers) throws IOException {
        NavigableMap<String, Attributes> byPath = new TreeMap<>();
        for (InputStream layer : layers) {
            apply(layer, byPath);
        }
        return new RootfsAttributes(byPath);
    }

    private static void apply(InputStream blob, NavigableMap<String, Attributes> byPath) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
        InputStream tarBytes = CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered);
        TarArchiveInputStream tar = new BoundedTarInputStream(tarBytes);
        // Whiteouts hide what lower layers hold, never this layer's own entries, whatever their order.
        Map<String, Attributes> added = new TreeMap<>();
        List<String> removed = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = ImagePaths.relative("/" + entry.getName());
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String parent = slash < 0 ? "" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            if (name.equals(".wh..wh..opq")) {
                opaque.add(parent);
            } else if (name.startsWith(".wh.")) {
                removed.add((parent.isEmpty() ? "" : parent + "/") + name.substring(4));
            } else {
                added.put(path, new Attributes(entry.getLongUserId(), entry.getLongGroupId(), entry.getMode() & 07777));
            }
        }
        removed.forEach(path -> {
            byPath.remove(path);
            descendants(byPath, path).clear();
        });
        opaque.forEach(directory -> descendants(byPath, directory).clear());
        byPath.putAll(added);
    }

    private static NavigableMap<String, Attributes> descendants(NavigableMap<String, Attributes> byPath, String directory) {
        if (directory.isEmpty()) {
            return byPath;
        }
        // '0' follows '/' in every encoding of paths, so this range is exactly "directory/...".
        return byPath.subMap(directory + "/", true, directory + "0", false);
    }
}
