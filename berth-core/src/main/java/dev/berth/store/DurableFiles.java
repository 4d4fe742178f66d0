package dev.berth.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The two steps of the crash-safety protocol that are the same for blobs and {@code index.json}: an
 * atomic rename of a synced temp file, then a sync of the directory so the rename itself survives a
 * power cut.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Renames {@code temp} over {@code target} atomically (readers see old or new), then syncs the directory. */
    static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates the directory (and parents) and syncs its parent so the new entry is durable. */
    static void createDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            syncDirectory(directory.getParent());
        }
    }
}
