package dev.berth.sbom;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.ImagePaths;
import dev.berth.layer.BoundedTarInputStream;
import dev.berth.layer.CompressionStreams;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The final file system of an image, read from its layer tars top layer first, in ONE pass per layer: whether an
 * entry is visible depends only on the layers above it (an upper entry hides a lower one; whiteouts and opaque
 * directories hide lower paths; a non-directory hides what lower layers have beneath it), so each visible entry
 * is known when its layer is read and its content is streamed at once to the catalogers that want it. Nothing is
 * extracted. A hard link's content is the earlier entry it names in the same tar; when that entry was not kept
 * (hidden, or wanted by nobody) the layer is read a second time for just those targets, which is rare.
 */
public final class MergedLayers {

    /** A layer as the manifest lists it (the blob to read) and as the config names it (its diffID). */
    public record Layer(Digest blob, Digest diffId) {}

    /** Told of every visible entry; says which it wants the content of. */
    public interface Visitor {
        boolean wants(LayerFile file);

        /** Content of a wanted file (a symlink's or directory's is empty); the stream is the entry's, not to close. */
        void read(LayerFile file, InputStream content) throws IOException;
    }

    private record Seen(boolean directory) {}

    private final ContentStore content;
    private final List<Layer> layers;

    public MergedLayers(ContentStore content, List<Layer> layers) {
        this.content = content;
        this.layers = List.copyOf(layers);
    }

    public void walk(Visitor visitor) {
        Map<String, Seen> seen = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        Set<String> opaque = new HashSet<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            List<String> whiteouts = new ArrayList<>();
            List<String> opaqueHere = new ArrayList<>();
            // A hard link wanted whose target this pass did not hand over: target path -> the visible links.
            Map<String, List<LayerFile>> pendingLinks = new LinkedHashMap<>();
            Set<String> handed = new HashSet<>();
            try (TarArchiveInputStream tar = open(layer.blob())) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String path = path(entry.getName());
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    if (name.equals(".wh..wh..opq")) {
                        opaqueHere.add(parent(path));
                        continue;
                    }
                    if (name.startsWith(".wh.")) {
                        whiteouts.add(join(parent(path), name.substring(4)));
                        continue;
                    }
                    if (path.isEmpty() || seen.containsKey(path) || !visible(path, seen, hidden, opaque)) {
                        continue;
                    }
                    seen.put(path, new Seen(entry.isDirectory()));
                    LayerFile file = file(entry, path, layer.diffId());
                    if (!visitor.wants(file)) {
                        continue;
                    }
                    if (file.kind() == LayerFile.Kind.HARDLINK) {
                        pendingLinks.computeIfAbsent(file.link(), target -> new ArrayList<>()).add(file);
                    } else {
                        visitor.read(file, file.kind() == LayerFile.Kind.FILE ? tar : InputStream.nullInputStream());
                        handed.add(file.path());
                    }
                }
            } catch (IOException e) {
                throw new StoreException("reading layer " + layer.diffId() + ": " + e.getMessage(), e);
            }
            if (!pendingLinks.isEmpty()) {
                readLinkTargets(layer, pendingLinks, visitor);
            }
            hidden.addAll(whiteouts);
            opaque.addAll(opaqueHere);
        }
    }

    /**
     * Every regular file of every layer, bottom layer first, whether or not the final file system shows it: what a
     * secret scan needs, since a file a later layer deletes is still in the image's blobs.
     */
    public void walkAll(Visitor visitor) {
        for (Layer layer : layers) {
            try (TarArchiveInputStream tar = open(layer.blob())) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String path = path(entry.getName());
                    if (path.isEmpty() || path.substring(path.lastIndexOf('/') + 1).startsWith(".wh.")) {
                        continue;
                    }
                    LayerFile file = file(entry, path, layer.diffId());
                    if (visitor.wants(file)) {
                        visitor.read(file, file.kind() == LayerFile.Kind.FILE ? tar : InputStream.nullInputStream());
                    }
                }
            } catch (IOException e) {
                throw new StoreException("reading layer " + layer.diffId() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Second pass over one layer: each pending hard link gets the content of the entry it names. */
    private void readLinkTargets(Layer layer, Map<String, List<LayerFile>> pending, Visitor visitor) {
        try (TarArchiveInputStream tar = open(layer.blob())) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                List<LayerFile> links = pending.get(ImagePaths.clean(path(entry.getName())));
                if (links != null && entry.isFile()) {
                    byte[] bytes = tar.readAllBytes();
                    for (LayerFile link : links) {
                        visitor.read(link, new java.io.ByteArrayInputStream(bytes));
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("reading layer " + layer.diffId() + ": " + e.getMessage(), e);
        }
    }

    private static LayerFile file(TarArchiveEntry entry, String path, Digest layer) {
        LayerFile.Kind kind;
        String link = "";
        if (entry.isDirectory()) {
            kind = LayerFile.Kind.DIRECTORY;
        } else if (entry.isSymbolicLink()) {
            kind = LayerFile.Kind.SYMLINK;
            link = entry.getLinkName();
        } else if (entry.isLink()) {
            kind = LayerFile.Kind.HARDLINK;
            link = ImagePaths.clean(path(entry.getLinkName()));
        } else if (entry.isFile()) {
            kind = LayerFile.Kind.FILE;
        } else {
            kind = LayerFile.Kind.OTHER;
        }
        return new LayerFile("/" + path, layer, kind, entry.getMode(), entry.getSize(), link);
    }

    private static boolean visible(String path, Map<String, Seen> seen, Set<String> hidden, Set<String> opaque) {
        if (hidden.contains(path)) {
            return false;
        }
        for (String ancestor = parent(path); !ancestor.isEmpty(); ancestor = parent(ancestor)) {
            Seen above = seen.get(ancestor);
            if (hidden.contains(ancestor) || opaque.contains(ancestor) || (above != null && !above.directory())) {
                return false;
            }
        }
        return !opaque.contains("");
    }

    private TarArchiveInputStream open(Digest blob) throws IOException {
        InputStream in = content.open(blob);
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        return new BoundedTarInputStream(CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered));
    }

    /** The entry's path, relative and clean: no leading {@code ./} or {@code /}, no trailing {@code /}. */
    private static String path(String name) {
        return ImagePaths.relative(name);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
