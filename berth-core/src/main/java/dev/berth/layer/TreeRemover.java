package dev.berth.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a file or a whole directory tree, the one way every part of Berth removes trees. It never follows a
 * symlink (the link goes, its target stays), never descends into another file system (a root still mounted
 * below is the view of committed layers: it must be unmounted, not emptied), and makes a read-only directory
 * writable so its entries can go (extracted stages hold such directories). A missing path is already deleted.
 * The first failure stops the walk and is thrown naming its path.
 */
public final class TreeRemover {

    private TreeRemover() {
    }

    /** Deletes {@code root} and everything below it; throws at a mount point below it, deleting nothing there. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object device = device(root);
        // walkFileTree does not follow links unless asked, so a symlink is visited as a file and removed.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!device.equals(device(dir))) {
                    throw new IOException(dir + " is a mount point; refusing to delete below it");
                }
                if (!Files.isWritable(dir) && !dir.toFile().setWritable(true, true)) {
                    throw new IOException(dir + " is read-only and could not be made writable to empty it");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether {@code dir} is on another file system than its parent. */
    public static boolean isMountPoint(Path dir) throws IOException {
        return !device(dir).equals(device(dir.getParent()));
    }

    private static Object device(Path path) throws IOException {
        return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    }
}
