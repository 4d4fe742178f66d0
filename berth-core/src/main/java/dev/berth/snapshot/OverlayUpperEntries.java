package dev.berth.snapshot;

import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.EntryType;
import dev.berth.layer.LayerEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an overlay upper directory into layer entries: a 0/0 character device (overlayfs's whiteout) becomes
 * {@code .wh.NAME}, a directory marked {@code trusted.overlay.opaque=y} keeps its entry and gains
 * {@code .wh..wh..opq}, and overlayfs's own {@code trusted.overlay.*} attributes are dropped.
 */
final class OverlayUpperEntries {

    static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String OVERLAY_XATTRS = "trusted.overlay.";

    private OverlayUpperEntries() {
    }

    static List<LayerEntry> of(Path upper) {
        List<LayerEntry> entries = new ArrayList<>();
        for (LayerEntry entry : DirectoryEntries.of(upper)) {
            if (isWhiteout(entry)) {
                entries.add(marker(sibling(entry.path(), ".wh." + name(entry.path())), entry));
                continue;
            }
            boolean opaque = "y".equals(entry.xattrs().get(OPAQUE_XATTR));
            entries.add(entry.withXattrs(withoutOverlayAttributes(entry.xattrs())));
            if (opaque && entry.type() == EntryType.DIRECTORY) {
                entries.add(marker(entry.path() + "/.wh..wh..opq", entry));
            }
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.pathBytes(), b.pathBytes()));
        return List.copyOf(entries);
    }

    static boolean isWhiteout(LayerEntry entry) {
        return entry.type() == EntryType.CHAR_DEVICE && entry.devMajor() == 0 && entry.devMinor() == 0;
    }

    /** An empty regular file, as Docker and BuildKit write whiteouts. */
    static LayerEntry marker(String path, LayerEntry source) {
        return LayerEntry.file(path, 0, source.mtime(), new byte[0]);
    }

    static String sibling(String path, String name) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? name : path.substring(0, slash + 1) + name;
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> withoutOverlayAttributes(Map<String, String> xattrs) {
        Map<String, String> kept = new TreeMap<>(xattrs);
        kept.keySet().removeIf(name -> name.startsWith(OVERLAY_XATTRS));
        return kept;
    }
}
