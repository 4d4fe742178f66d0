package dev.berth.api.compose;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One project's lock: {@code up}, {@code down} and the commands that change containers hold it, so two of them on
 * one project wait for each other instead of racing to create {@code proj-web-1}. An OS file lock, so a killed
 * holder releases it; the file itself stays (it holds nothing).
 */
final class ProjectLock implements AutoCloseable {

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
            return new ProjectLock(channel, channel.lock());
        } catch (IOException e) {
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
