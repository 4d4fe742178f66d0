package dev.berth.engine.rootfs;

import dev.berth.error.StoreException;
import dev.berth.io.TreeBytes;
import dev.berth.layer.TreeRemover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies, measures and removes host directory trees that RUN mounts use (cache directories, throwaway copies
 * of bound sources). Symbolic links are never followed: a link is copied as a link, so a tree planted in an
 * image cannot make Berth read or delete outside it.
 */
public final class DirectoryTrees {

    private DirectoryTrees() {
    }

    /** Copies the file, link or directory tree {@code from} to {@code to} (which must not exist), with modes, owners and times. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            List<Path> paths = walk.toList();
            for (Path path : paths) {
                Path target = to.resolve(from.relativize(path).toString());
                Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            // Directory times last: filling a directory changes its time.
            for (Path path : paths.reversed()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(to.resolve(from.relativize(path).toString()), Files.getLastModifiedTime(path));
                }
            }
        } catch (IOException e) {
            throw new StoreException("copying " + from + " to " + to, e);
        }
    }

    /** Bytes of the regular files under {@code root}. */
    public static long size(Path root) {
        return TreeBytes.of(root, e -> {
            throw new StoreException("measuring " + root, e);
        });
    }

    /**
     * Removes {@code root} and everything under it, read-only directories included, never below a mount
     * point; nothing when absent.
     */
    public static void delete(Path root) {
        try {
            TreeRemover.delete(root);
        } catch (IOException e) {
            throw new StoreException("removing " + root, e);
        }
    }
}
