package dev.berth.engine.mount;

import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Who uses one cache directory, in this process and across processes: sharers hold a read lock here and, while
 * any of them does, one shared file lock on {@code <cache>.lock}; a holder (a {@code locked} or {@code private}
 * step, or prune) holds the write lock here and the file lock exclusively. So prune in another process never
 * deletes a directory a step has mounted. A lock is given back by the thread that took it (the returned
 * {@link Runnable}); a failure or interrupt while taking it leaves nothing held.
 */
public final class CacheLock {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Path cache;
    private final Path lockFile;
    private final ReentrantReadWriteLock users = new ReentrantReadWriteLock();
    /** Guards {@link #sharers} and {@link #shared}. */
    private final ReentrantLock sharing = new ReentrantLock();
    private int sharers;
    private FileLock shared;

    public CacheLock(Path cache) {
        this.cache = cache;
        this.lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
    }

    /** Shares the cache, waiting while it is held; the result gives it back. */
    public Runnable share() {
        users.readLock().lock();
        sharing.lock();
        try {
            // File locks belong to the process: the JVM refuses a second one on the file, so sharers count.
            if (sharers == 0) {
                shared = fileLock(true, true).orElseThrow();
            }
            sharers++;
        } catch (RuntimeException failed) {
            users.readLock().unlock();
            throw failed;
        } finally {
            sharing.unlock();
        }
        return this::unshare;
    }

    /** Holds the cache alone, waiting for the others; the result gives it back. */
    public Runnable hold() {
        users.writeLock().lock();
        return exclusive(true).orElseThrow();
    }

    /** Holds the cache alone if nobody uses it now. */
    public Optional<Runnable> holdIfFree() {
        return users.writeLock().tryLock() ? exclusive(false) : Optional.empty();
    }

    /** With the write lock held: the file lock too, or the write lock given back. */
    private Optional<Runnable> exclusive(boolean wait) {
        Optional<FileLock> held;
        try {
            held = fileLock(false, wait);
        } catch (RuntimeException failed) {
            users.writeLock().unlock();
            throw failed;
        }
        if (held.isEmpty()) {
            users.writeLock().unlock();
            return Optional.empty();
        }
        return Optional.of(() -> {
            try {
                close(held.get());
            } finally {
                users.writeLock().unlock();
            }
        });
    }

    private void unshare() {
        sharing.lock();
        try {
            if (--sharers == 0) {
                FileLock last = shared;
                shared = null;
                close(last);
            }
        } finally {
            sharing.unlock();
            users.readLock().unlock();
        }
    }

    /** The file lock, shared or exclusive, waiting for it when {@code wait}, else only if free now. */
    private Optional<FileLock> fileLock(boolean asShared, boolean wait) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("locking cache mount " + cache, e);
        }
        FileLock lock = null;
        try {
            while (lock == null) {
                try {
                    lock = channel.tryLock(0, Long.MAX_VALUE, asShared);
                } catch (OverlappingFileLockException heldByAnotherEngineHere) {
                    // Another engine in this JVM holds it; file locks are per process, so poll as for another process.
                }
                if (lock == null && !wait) {
                    return Optional.empty();
                }
                if (lock == null) {
                    Thread.sleep(POLL);
                }
            }
            return Optional.of(lock);
        } catch (IOException e) {
            throw new StoreException("locking cache mount " + cache, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("waiting for the cache mount " + cache, e);
        } finally {
            if (lock == null) {
                closeUnlocked(channel);
            }
        }
    }

    private void close(FileLock held) {
        try {
            held.channel().close();
        } catch (IOException e) {
            throw new StoreException("unlocking cache mount " + cache, e);
        }
    }

    private static void closeUnlocked(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException nothingWasLocked) {
            // No lock was taken on it, so only a descriptor is at stake; the error being thrown matters more.
        }
    }
}
