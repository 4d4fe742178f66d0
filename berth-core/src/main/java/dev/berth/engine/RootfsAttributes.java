package dev.berth.engine;

import dev.berth.error.StoreException;
import dev.berth.layer.EntryType;
import dev.berth.layer.TarHeaderScanner;
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

/**
 * The owner and permission bits of every path of a file system made of layers, as the layers' tar headers
 * record them, whiteouts applied. {@code COPY --from} keeps them as BuildKit does; they cannot be read
 * back from an extraction made without root, which owns everything itself.
 */
final class RootfsAttributes {

    /**
     * One path's recorded owner, permission bits (set-id and sticky included), type, symlink target (empty
     * for other types) and extended attributes.
     */
    record Attributes(long uid, long gid, int mode, EntryType type, String linkTarget, Map<String, String> xattrs) {
        Attributes {
            xattrs = Map.copyOf(xattrs);
        }
    }

    /** For the build context: nothing recorded, so COPY makes files root's with the files' own modes. */
    static final RootfsAttributes NONE = new RootfsAttributes(new TreeMap<>());

    private static final String XATTR = "SCHILY.xattr.";

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
        return NONE.plus(content, layers);
    }

    /** These attributes with {@code layers} (lowest first) applied on top; this instance is left as it is. */
    RootfsAttributes plus(ContentStore content, List<LayerRef> layers) {
        NavigableMap<String, Attributes> copy = new TreeMap<>(byPath);
        for (LayerRef layer : layers) {
            try (InputStream blob = content.open(layer.blob().digest())) {
                apply(blob, copy);
            } catch (IOException e) {
                throw new StoreException("reading the owners in layer " + layer.blob().digest(), e);
            }
        }
        return new RootfsAttributes(copy);
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
        TarHeaderScanner tar = new TarHeaderScanner(tarBytes);
        // Whiteouts hide what lower layers hold, never this layer's own entries, whatever their order.
        Map<String, Attributes> added = new TreeMap<>();
        List<String> removed = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        Optional<TarArchiveEntry> next;
        while ((next = tar.next()).isPresent()) {
            TarArchiveEntry entry = next.get();
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
                added.put(path, attributes(entry));
            }
        }
        removed.forEach(path -> {
            byPath.remove(path);
            descendants(byPath, path).clear();
        });
        opaque.forEach(directory -> descendants(byPath, directory).clear());
        byPath.putAll(added);
    }

    private static Attributes attributes(TarArchiveEntry entry) {
        EntryType type = entry.isDirectory() ? EntryType.DIRECTORY
                : entry.isSymbolicLink() ? EntryType.SYMLINK
                : entry.isLink() ? EntryType.HARDLINK
                : entry.isCharacterDevice() ? EntryType.CHAR_DEVICE
                : entry.isBlockDevice() ? EntryType.BLOCK_DEVICE
                : entry.isFIFO() ? EntryType.FIFO : EntryType.FILE;
        Map<String, String> xattrs = new TreeMap<>();
        entry.getExtraPaxHeaders().forEach((key, value) -> {
            if (key.startsWith(XATTR)) {
                xattrs.put(key.substring(XATTR.length()), value);
            }
        });
        String link = type == EntryType.SYMLINK || type == EntryType.HARDLINK ? entry.getLinkName() : "";
        return new Attributes(entry.getLongUserId(), entry.getLongGroupId(), entry.getMode() & 07777, type, link, xattrs);
    }

    private static NavigableMap<String, Attributes> descendants(NavigableMap<String, Attributes> byPath, String directory) {
        if (directory.isEmpty()) {
            return byPath;
        }
        // '0' follows '/' in every encoding of paths, so this range is exactly "directory/...".
        return byPath.subMap(directory + "/", true, directory + "0", false);
    }
}
