package dev.berth.export;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.layer.BoundedTarInputStream;
import dev.berth.layer.CompressionStreams;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes the file system that layers make as one tar ({@code --output type=tar}), without extracting
 * anything, so owners, modes, devices and xattrs are kept whoever runs the build. A first pass, top layer
 * down, decides which layer provides each path (an upper entry hides a lower one; whiteouts and opaque
 * directories hide lower paths; a non-directory hides what lower layers have beneath it); a second pass,
 * bottom up, copies exactly those entries, so a hard link always follows its target.
 */
record RootfsTarWriter(ContentStore content) {

    private record Provider(int layer, boolean directory) {}

    void write(List<Digest> layers, OutputStream out) {
        try {
            Map<String, Provider> providers = providers(layers);
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (int i = 0; i < layers.size(); i++) {
                try (TarArchiveInputStream layer = open(layers.get(i))) {
                    for (TarArchiveEntry entry; (entry = layer.getNextEntry()) != null; ) {
                        Provider provider = providers.get(path(entry));
                        if (provider != null && provider.layer() == i) {
                            tar.putArchiveEntry(entry);
                            if (entry.isFile()) {
                                layer.transferTo(tar);
                            }
                            tar.closeArchiveEntry();
                        }
                    }
                }
            }
            tar.finish();
            tar.flush();
        } catch (IOException e) {
            throw new StoreException("writing the file system as a tar: " + e.getMessage(), e);
        }
    }

    private Map<String, Provider> providers(List<Digest> layers) throws IOException {
        Map<String, Provider> providers = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        Set<String> opaque = new HashSet<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            // A layer's whiteouts hide what lower layers hold, never the layer's own entries.
            List<String> whiteouts = new ArrayList<>();
            List<String> opaqueHere = new ArrayList<>();
            try (TarArchiveInputStream layer = open(layers.get(i))) {
                for (TarArchiveEntry entry; (entry = layer.getNextEntry()) != null; ) {
                    String path = path(entry);
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    if (name.equals(".wh..wh..opq")) {
                        opaqueHere.add(parent(path));
                    } else if (name.startsWith(".wh.")) {
                        String parent = parent(path);
                        whiteouts.add((parent.isEmpty() ? "" : parent + "/") + name.substring(4));
                    } else if (!path.isEmpty() && !providers.containsKey(path) && visible(path, providers, hidden, opaque)) {
                        providers.put(path, new Provider(i, entry.isDirectory()));
                    }
                }
            } catch (IOException e) {
                throw new IOException("reading layer " + layers.get(i) + ": " + e.getMessage(), e);
            }
            hidden.addAll(whiteouts);
            opaque.addAll(opaqueHere);
        }
        return providers;
    }

    /** Whether no upper layer hides {@code path}: by a whiteout, an opaque parent, or a non-directory above it. */
    private static boolean visible(String path, Map<String, Provider> providers, Set<String> hidden, Set<String> opaque) {
        if (hidden.contains(path)) {
            return false;
        }
        for (String ancestor = parent(path); !ancestor.isEmpty(); ancestor = parent(ancestor)) {
            Provider above = providers.get(ancestor);
            if (hidden.contains(ancestor) || opaque.contains(ancestor) || (above != null && !above.directory())) {
                return false;
            }
        }
        return !opaque.contains("");
    }

    private TarArchiveInputStream open(Digest layer) throws IOException {
        InputStream blob = content.open(layer);
        BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
        return new BoundedTarInputStream(CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered));
    }

    /** The entry's path without a leading {@code ./} or {@code /} and without a trailing {@code /}. */
    private static String path(TarArchiveEntry entry) {
        String name = entry.getName();
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals(".") ? "" : name;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
