package dev.berth.engine.rootfs;

import dev.berth.image.LayerRef;
import dev.berth.layer.EntryType;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Each layer's {@link LayerIndex}, kept in a file named by the layer's blob digest, so that a rebuild reads a
 * few hundred KiB instead of parsing the 9,000 headers of a Debian base again (an edit-and-rebuild loop asks
 * for them on every COPY that makes a directory). The file is derived data: written whole under a temporary
 * name and renamed, so a reader sees all of it or none; one it cannot read is made again from the layer.
 */
public final class LayerIndexFiles {

    private static final int MAGIC = 0x42544931; // "BTI1"
    private static final EntryType[] TYPES = EntryType.values();

    private final ContentStore content;
    private final Path directory;

    public LayerIndexFiles(ContentStore content, Path directory) {
        this.content = content;
        this.directory = directory;
    }

    public LayerIndex of(LayerRef layer) {
        Path file = directory.resolve(layer.blob().digest().hex());
        try (InputStream in = Files.newInputStream(file)) {
            return read(new DataInputStream(new BufferedInputStream(in, 64 * 1024)));
        } catch (NoSuchFileException absent) {
            // Not indexed yet.
        } catch (IOException | RuntimeException unreadable) {
            // Cut short or from another version: made again below.
        }
        LayerIndex index = LayerIndex.read(content, layer);
        write(file, index);
        return index;
    }

    /** Best effort: an index that cannot be kept (a full disk, an xattr too long to encode) is read again next time. */
    private void write(Path file, LayerIndex index) {
        Path temp = directory.resolve(file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(temp)) {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
                write(data, index);
                data.flush();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A temporary file left behind is harmless: its name never matches a digest.
            }
        }
    }

    private static void write(DataOutputStream out, LayerIndex index) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(index.entries().size());
        for (Map.Entry<String, RootfsAttributes.Attributes> entry : index.entries().entrySet()) {
            RootfsAttributes.Attributes attributes = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeByte(attributes.type().ordinal());
            out.writeLong(attributes.uid());
            out.writeLong(attributes.gid());
            out.writeShort(attributes.mode());
            out.writeUTF(attributes.linkTarget());
            out.writeShort(attributes.xattrs().size());
            for (Map.Entry<String, String> xattr : attributes.xattrs().entrySet()) {
                out.writeUTF(xattr.getKey());
                out.writeUTF(xattr.getValue());
            }
        }
        writeSet(out, index.removed());
        writeSet(out, index.opaque());
        out.writeInt(MAGIC);
    }

    private static LayerIndex read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a layer index");
        }
        int count = in.readInt();
        Map<String, RootfsAttributes.Attributes> entries = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            EntryType type = TYPES[in.readUnsignedByte()];
            long uid = in.readLong();
            long gid = in.readLong();
            int mode = in.readUnsignedShort();
            String link = in.readUTF();
            int xattrCount = in.readUnsignedShort();
            Map<String, String> xattrs = xattrCount == 0 ? Map.of() : new HashMap<>();
            for (int x = 0; x < xattrCount; x++) {
                xattrs.put(in.readUTF(), in.readUTF());
            }
            entries.put(path, new RootfsAttributes.Attributes(uid, gid, mode, type, link, xattrs));
        }
        Set<String> removed = readSet(in);
        Set<String> opaque = readSet(in);
        if (in.readInt() != MAGIC) {
            throw new IOException("a layer index cut short");
        }
        return new LayerIndex(entries, removed, opaque);
    }

    private static void writeSet(DataOutputStream out, Set<String> paths) throws IOException {
        out.writeInt(paths.size());
        for (String path : paths) {
            out.writeUTF(path);
        }
    }

    private static Set<String> readSet(DataInputStream in) throws IOException {
        int count = in.readInt();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < count; i++) {
            paths.add(in.readUTF());
        }
        return paths;
    }
}
