package dev.berth.layer;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a directory tree as layer entries, in path-byte order, without following symlinks: owners,
 * modes, xattrs, device numbers and times come from {@code lstat}; a file seen again under another name
 * (same device and inode) becomes a hardlink to the name that sorts first. Only the list of paths is
 * held in memory; contents are opened while the layer is written.
 */
public final class DirectoryEntries {

    // Named fields: "unix:*" would also look up the owner's and group's names (two NSS lookups a file).
    private static final String STAT_FIELDS = "unix:mode,uid,gid,size,rdev,lastModifiedTime,nlink,dev,ino";

    private DirectoryEntries() {
    }

    /** The entries of everything below {@code root} (not {@code root} itself). */
    public static List<LayerEntry> of(Path root) {
        List<LayerEntry> entries = new ArrayList<>();
        iterate(root).forEachRemaining(entries::add);
        return List.copyOf(entries);
    }

    /**
     * The entries {@link #of(Path)} gives, in the same order, each described ({@code lstat}, xattrs,
     * link target) only when it is taken: a layer writer then does that work on its reading thread,
     * which waits on hashing anyway, instead of before the first byte. The tree is walked now.
     *
     * @throws StoreException from {@code next()} when an entry cannot be read
     */
    public static Iterator<LayerEntry> iterate(Path root) {
        Iterator<byte[]> paths = sortedPaths(root).iterator();
        Map<String, String> firstNameOfInode = new HashMap<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public LayerEntry next() {
                String path = new String(paths.next(), StandardCharsets.UTF_8);
                try {
                    return describe(root.resolve(path), path, firstNameOfInode);
                } catch (IOException e) {
                    throw new StoreException("reading " + root.resolve(path) + " for a layer: " + e.getMessage(), e);
                }
            }
        };
    }

    private static List<byte[]> sortedPaths(Path root) {
        List<String> paths = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        paths.add(relative(root, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    paths.add(relative(root, file));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StoreException("reading directory " + root + " for a layer: " + e.getMessage(), e);
        }
        List<byte[]> sorted = new ArrayList<>(paths.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList());
        sorted.sort(Arrays::compareUnsigned);
        return sorted;
    }

    private static LayerEntry describe(Path file, String path, Map<String, String> firstNameOfInode) throws IOException {
        Map<String, Object> stat = Files.readAttributes(file, STAT_FIELDS, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) stat.get("mode");
        long uid = ((Integer) stat.get("uid")) & 0xffffffffL;
        long gid = ((Integer) stat.get("gid")) & 0xffffffffL;
        long size = (Long) stat.get("size");
        long rdev = (Long) stat.get("rdev");
        var mtime = ((FileTime) stat.get("lastModifiedTime")).toInstant();
        EntryType type = switch (mode & 0170000) {
            case 0100000 -> EntryType.FILE;
            case 0040000 -> EntryType.DIRECTORY;
            case 0120000 -> EntryType.SYMLINK;
            case 0020000 -> EntryType.CHAR_DEVICE;
            case 0060000 -> EntryType.BLOCK_DEVICE;
            case 0010000 -> EntryType.FIFO;
            default -> throw new IOException("sockets and other special files cannot go into a layer");
        };
        String link = "";
        if (type == EntryType.SYMLINK) {
            link = Files.readSymbolicLink(file).toString();
        } else if (type == EntryType.FILE && (Integer) stat.get("nlink") > 1) {
            String key = stat.get("dev") + ":" + stat.get("ino");
            String first = firstNameOfInode.putIfAbsent(key, path);
            if (first != null) {
                type = EntryType.HARDLINK;
                link = first;
            }
        }
        boolean hasContent = type == EntryType.FILE;
        boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
        Map<String, String> xattrs = NativeFileCalls.xattrs(file);
        return new LayerEntry(path, type, type == EntryType.SYMLINK ? 0777 : mode & 07777, uid, gid,
                Optional.empty(), Optional.empty(), mtime, xattrs, link,
                device ? NativeFileCalls.major(rdev) : 0, device ? NativeFileCalls.minor(rdev) : 0,
                hasContent ? size : 0, hasContent ? () -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)
                        : LayerEntry.ContentSource.EMPTY);
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString();
    }
}
