package dev.berth.engine.rootfs;

import dev.berth.error.StoreException;
import dev.berth.image.ImagePaths;
import dev.berth.image.LayerRef;
import dev.berth.layer.CompressionStreams;
import dev.berth.layer.EntryType;
import dev.berth.layer.TarHeaderScanner;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * What one layer's tar headers say: each path's attributes, the paths its whiteouts remove from the layers
 * below, and the directories it makes opaque. Read with {@link TarHeaderScanner}, so the contents are skipped.
 */
public record LayerIndex(Map<String, RootfsAttributes.Attributes> entries, Set<String> removed, Set<String> opaque) {

    private static final String XATTR = "SCHILY.xattr.";

    public LayerIndex {
        entries = Map.copyOf(entries);
        removed = Set.copyOf(removed);
        opaque = Set.copyOf(opaque);
    }

    public static LayerIndex read(ContentStore content, LayerRef layer) {
        try (InputStream blob = content.open(layer.blob().digest())) {
            return read(blob);
        } catch (IOException e) {
            throw new StoreException("reading the owners in layer " + layer.blob().digest(), e);
        }
    }

    public static LayerIndex read(InputStream blob) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
        TarHeaderScanner tar = new TarHeaderScanner(
                CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered));
        Map<String, RootfsAttributes.Attributes> entries = new HashMap<>();
        Set<String> removed = new HashSet<>();
        Set<String> opaque = new HashSet<>();
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
                entries.put(path, attributes(entry));
            }
        }
        return new LayerIndex(entries, removed, opaque);
    }

    private static RootfsAttributes.Attributes attributes(TarArchiveEntry entry) {
        EntryType type = entry.isDirectory() ? EntryType.DIRECTORY
                : entry.isSymbolicLink() ? EntryType.SYMLINK
                : entry.isLink() ? EntryType.HARDLINK
                : entry.isCharacterDevice() ? EntryType.CHAR_DEVICE
                : entry.isBlockDevice() ? EntryType.BLOCK_DEVICE
                : entry.isFIFO() ? EntryType.FIFO : EntryType.FILE;
        Map<String, String> xattrs = new HashMap<>();
        entry.getExtraPaxHeaders().forEach((key, value) -> {
            if (key.startsWith(XATTR)) {
                xattrs.put(key.substring(XATTR.length()), value);
            }
        });
        String link = type == EntryType.SYMLINK || type == EntryType.HARDLINK ? entry.getLinkName() : "";
        return new RootfsAttributes.Attributes(entry.getLongUserId(), entry.getLongGroupId(), entry.getMode() & 07777,
                type, link, xattrs);
    }
}
