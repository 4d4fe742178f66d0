package dev.berth.container;

import dev.berth.io.TreeBytes;
import java.nio.file.Files;
import java.nio.file.Path;

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
        // What could be counted: the size is a report, not a decision.
        return TreeBytes.of(layer, unfinished -> { });
    }
}
