package dev.berth.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a directory tree's contents into another directory as {@code cp -a} would: every file type (directories,
 * files, symlinks, hard links, FIFOs, devices), owners, modes with their setuid/setgid/sticky bits, modification
 * times and extended attributes, never following a link. What a new volume gets from the image's content at its
 * mount point, as Docker copies it. Extended attributes go through {@link NativeFileCalls#xattrs}, which decodes
 * values as UTF-8: a binary value (a file capability) may not survive, as it does not through the layer code.
 * Unlike the snapshotter's copy through the layer writer and extractor, no tar stream is made and times keep
 * their nanoseconds: a volume's copy is of trusted content already on disk (a mounted image root).
 */
public final class DirectoryCopier {

    private static final int TYPE_MASK = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private DirectoryCopier() {
    }

    /** Copies what is in {@code from} (not {@code from} itself) into the existing directory {@code to}. */
    public static void copyContents(Path from, Path to) throws IOException {
        Map<Object, Path> linked = new HashMap<>();
        Deque<Path> directories = new ArrayDeque<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from)) {
                    Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                    directories.push(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                copyEntry(file, to.resolve(from.relativize(file).toString()), linked);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // Directories last, deepest first: a read-only directory must be filled before its mode is set, and
        // creating entries in it would change its time again.
        while (!directories.isEmpty()) {
            Path dir = directories.pop();
            copyMetadata(dir, to.resolve(from.relativize(dir).toString()));
        }
    }

    /** Gives {@code target} (a directory) the owner, mode and extended attributes of {@code source}. */
    public static void copyOwnerAndMode(Path source, Path target) throws IOException {
        copyMetadata(source, target);
    }

    private static void copyEntry(Path source, Path target, Map<Object, Path> linked) throws IOException {
        Map<String, Object> unix = Files.readAttributes(source, "unix:mode,nlink,ino,dev,rdev", LinkOption.NOFOLLOW_LINKS);
        int mode = (int) unix.get("mode");
        int type = mode & TYPE_MASK;
        if (type != S_IFDIR && (int) unix.get("nlink") > 1) {
            Object key = unix.get("dev") + ":" + unix.get("ino");
            Path first = linked.putIfAbsent(key, target);
            if (first != null) {
                Files.createLink(target, first);
                return;
            }
        }
        switch (type) {
            case S_IFLNK -> Files.createSymbolicLink(target, Files.readSymbolicLink(source));
            case S_IFREG -> Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            case NativeFileCalls.S_IFCHR, NativeFileCalls.S_IFBLK, NativeFileCalls.S_IFIFO -> {
                long rdev = (long) unix.get("rdev");
                NativeFileCalls.mknod(target, type, mode, NativeFileCalls.major(rdev), NativeFileCalls.minor(rdev));
            }
            default -> throw new IOException("copying " + source + ": a socket or unknown file type is not copied");
        }
        copyMetadata(source, target);
    }

    private static void copyMetadata(Path source, Path target) throws IOException {
        Map<String, Object> unix = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        NativeFileCalls.lchown(target, (int) unix.get("uid"), (int) unix.get("gid"));
        for (Map.Entry<String, String> xattr : NativeFileCalls.xattrs(source).entrySet()) {
            NativeFileCalls.setXattr(target, xattr.getKey(), xattr.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean link = Files.isSymbolicLink(target);
        if (!link) {
            // After lchown, which clears setuid and setgid bits.
            NativeFileCalls.chmod(target, (int) unix.get("mode"));
        }
        NativeFileCalls.setTimes(target, ((FileTime) unix.get("lastModifiedTime")).toInstant());
    }
}
