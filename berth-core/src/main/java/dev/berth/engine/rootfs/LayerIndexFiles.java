package dev.berth.engine.rootfs;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Each layer's {@link LayerIndex}, kept in a file named by the layer's blob digest, so that a rebuild reads a
 * few hundred KiB instead of parsing the 9,000 headers of a Debian base again (an edit-and-rebuild loop asks
 * for them on every COPY that makes a directory). The file is derived data: written whole under a temporary
 * name and renamed, so a reader sees all of it or none; one it cannot read is made again from the layer.
 */
public final class LayerIndexFiles {

    // "BTI2"; BTI1 files, which stored the entry type by enum ordinal, are unreadable now and so made again.
    private static final int MAGIC = 0x42544932;

    private final ContentStore content;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

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
            out.writeByte(typeFlag(attributes.type()));
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
            EntryType type = typeOf(in.readUnsignedByte());
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

    /** The entry type as tar's typeflag writes it: a code that no reordering of {@link EntryType} changes. */
    private static int typeFlag(EntryType type) {
        return switch (type) {
            case FILE -> '0';
            case HARDLINK -> '1';
            case SYMLINK -> '2';
            case CHAR_DEVICE -> '3';
            case BLOCK_DEVICE -> '4';
            case DIRECTORY -> '5';
            case FIFO -> '6';
        };
    }

    private static EntryType typeOf(int flag) throws IOException {
        return switch (flag) {
            case '0' -> EntryType.FILE;
            case '1' -> EntryType.HARDLINK;
            case '2' -> EntryType.SYMLINK;
            case '3' -> EntryType.CHAR_DEVICE;
            case '4' -> EntryType.BLOCK_DEVICE;
            case '5' -> EntryType.DIRECTORY;
            case '6' -> EntryType.FIFO;
            default -> throw new IOException("unknown entry type " + flag + " in a layer index");
        };
    }

    /**
     * Deletes the indexes of layers the content store no longer holds (after a garbage collection), and temporary
     * files a killed writer left (those older than {@code tempsBefore}); returns how many files went. An index is
     * derived data: deleting one a build is about to read only makes that build read the layer's headers again.
     */
    public int dropOrphans(Instant tempsBefore) {
        int dropped = 0;
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean orphan = name.endsWith(".tmp") ? Files.getLastModifiedTime(file).toInstant().isBefore(tempsBefore)
                        : !HEX.matcher(name).matches() || content.info(Digest.parse("sha256:" + name)).isEmpty();
                if (orphan && Files.deleteIfExists(file)) {
                    dropped++;
                }
            }
        } catch (NoSuchFileException absent) {
            return 0;
        } catch (IOException e) {
            throw new StoreException("pruning layer indexes in " + directory + ": " + e.getMessage(), e);
        }
        return dropped;
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
