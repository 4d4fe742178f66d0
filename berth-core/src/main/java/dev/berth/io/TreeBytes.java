package dev.berth.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * The bytes of the regular files under a directory, links not followed: what a cache mount, a build's tree or a
 * container's writable layer takes on disk, as {@code docker system df} counts it. A file that goes or cannot be
 * read while the walk runs is skipped.
 */
public final class TreeBytes {

    private TreeBytes() {
    }

    /**
     * Walks {@code root}; a walk cut short (a directory that cannot be listed) is told to {@code unfinished}, which
     * may throw, and otherwise the bytes counted so far are returned.
     */
    public static long of(Path root, Consumer<IOException> unfinished) {
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unfinished.accept(e);
        }
        return total[0];
    }
}
