package dev.berth.api.compose;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One project's lock: {@code up}, {@code down} and the commands that change containers hold it, so two of them on
 * one project wait for each other instead of racing to create {@code proj-web-1}. An OS file lock, so a killed
 * holder releases it; the file itself stays (it holds nothing).
 */
final class ProjectLock implements AutoCloseable {

    private static final java.time.Duration RETRY = java.time.Duration.ofMillis(50);

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProjectLock acquire(Path directory, String project) {
        Path file = directory.resolve(project + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new ProjectLock(channel, lock(channel));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The open failed or the lock did; the first error is the one to report.
                }
            }
            throw new StoreException("locking compose project " + project + " (" + file + ")", e);
        }
    }

    /**
     * The OS lock is the process's: a second holder in this JVM gets {@link OverlappingFileLockException} rather
     * than a wait, so it waits here, as another process would in {@code lock()}.
     */
    private static FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                Thread.sleep(RETRY);
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("unlocking a compose project", e);
        }
    }
}
