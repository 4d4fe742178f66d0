package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The test JVMs using one shared engine, so the JVM that started it does not stop it under another's feet. Each
 * JVM holds a lock on the byte of a lock file at its own pid; the owner asks whether any other byte is locked.
 * The kernel drops a dead JVM's locks, so a killed test run never looks like a user.
 */
final class EngineUsers implements AutoCloseable {

    private static final long REGION_END = Long.MAX_VALUE;

    private final FileChannel channel;
    private final long self;
    private final FileLock mark;

    private EngineUsers(FileChannel channel, long self, FileLock mark) {
        this.channel = channel;
        this.self = self;
        this.mark = mark;
    }

    /** Marks this JVM as a user of the engine whose lock file this is. */
    static EngineUsers register(Path lockFile) {
        long self = ProcessHandle.current().pid();
        try {
            var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock mark;
            try {
                mark = channel.lock(self, 1, false);
            } catch (OverlappingFileLockException alreadyMarked) {
                // Another engine object in this JVM holds the mark; this JVM is a user either way.
                mark = null;
            }
            return new EngineUsers(channel, self, mark);
        } catch (IOException e) {
            throw new UncheckedIOException("registering as a user of the test Docker engine in " + lockFile, e);
        }
    }

    /** True if another live JVM has registered. */
    boolean othersPresent() {
        return regionTaken(0, self) || regionTaken(self + 1, REGION_END - self - 1);
    }

    private boolean regionTaken(long position, long size) {
        if (size <= 0) {
            return false;
        }
        try (FileLock probe = channel.tryLock(position, size, false)) {
            return probe == null;
        } catch (OverlappingFileLockException sameJvm) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("checking for other users of the test Docker engine", e);
        }
    }

    @Override
    public void close() {
        try {
            if (mark != null) {
                mark.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("unregistering from the test Docker engine", e);
        }
    }
}
