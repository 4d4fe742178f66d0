package dev.berth.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Deletes a file or a whole directory tree, the one way every part of Berth removes trees. It never follows a
 * symlink (the link goes, its target stays), never descends into another file system (a root still mounted
 * below is the view of committed layers: it must be unmounted, not emptied), and makes a read-only directory
 * writable so its entries can go (extracted stages hold such directories). A missing path is already deleted,
 * and so is an entry that vanishes while the walk is at it: another process sweeping the same leftover deleted
 * it first, which is what this call wanted. Any other failure stops the walk and is thrown naming its path
 * (a {@code DirectoryNotEmptyException} included: then something is still writing into the tree).
 */
public final class TreeRemover {

    private TreeRemover() {
    }

    /** Deletes {@code root} and everything below it; throws at a mount point below it, deleting nothing there. */
    public static void delete(Path root) throws IOException {
        delete(root, entry -> { });
    }

    /**
     * As {@link #delete(Path)}, calling {@code beforeActing} with each entry just before the walk descends into it,
     * deletes it or removes it as an emptied directory: the points where another remover can cut in, which tests
     * use to interleave one deterministically.
     */
    static void delete(Path root, Consumer<Path> beforeActing) throws IOException {
        Object device;
        try {
            device = device(root);
        } catch (NoSuchFileException alreadyGone) {
            return;
        }
        // walkFileTree does not follow links unless asked, so a symlink is visited as a file and removed.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                beforeActing.accept(dir);
                Object here;
                try {
                    here = device(dir);
                } catch (NoSuchFileException removedMeanwhile) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!device.equals(here)) {
                    throw new IOException(dir + " is a mount point; refusing to delete below it");
                }
                if (!Files.isWritable(dir) && !dir.toFile().setWritable(true, true)
                        && Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(dir + " is read-only and could not be made writable to empty it");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                beforeActing.accept(file);
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                // The walk lists a directory, then reads each entry's attributes (or opens it): it may be gone by then.
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                beforeActing.accept(dir);
                Files.deleteIfExists(dir);
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
