package dev.berth.container;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The bytes of a container's writable layer (Docker's {@code SizeRw}): the regular files of its active snapshot's
 * upper directory (overlay) or tree (copy), which its removal frees.
 */
public final class WritableLayerSize {

    private WritableLayerSize() {
    }

    public static long of(ContainerRecord record) {
        Path active = record.snapshots().root().resolve("active").resolve(record.id());
        Path layer = Files.isDirectory(active.resolve("upper")) ? active.resolve("upper") : active.resolve("fs");
        if (!Files.isDirectory(layer)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(layer, new SimpleFileVisitor<>() {
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
        } catch (IOException unreadable) {
            // What could be counted: the size is a report, not a decision.
        }
        return total[0];
    }
}
