package dev.berth.store;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A readers-writer lock on one lock file that holds across processes (an OS file lock through
 * {@link FileChannel#lock}) and across threads of this process (the OS lock belongs to the whole
 * process, so threads are ordered here first).
 *
 * <p>Shared holders never wait for a <em>waiting</em> exclusive holder, only for one that holds the
 * lock: a writer that holds the lock shared and hands work to another thread that takes it shared
 * again cannot deadlock behind the garbage collector. Use one {@code StoreLock} per file per process;
 * the channel stays open until {@link #close()} because closing any descriptor of a file drops the
 * process's POSIX locks on it.
 */
public final class StoreLock implements AutoCloseable {

    /** A held lock; closing it releases it once (later calls do nothing). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock state = new ReentrantLock();
    private final Condition released = state.newCondition();
    private int sharedHolders;
    private boolean exclusiveHeld;
    private FileLock osLock;

    public StoreLock(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("opening lock file " + file + ": " + FailureReason.of(e), e);
        }
    }

    public Held shared() {
        state.lock();
        try {
            while (exclusiveHeld) {
                released.awaitUninterruptibly();
            }
            if (sharedHolders == 0) {
                osLock = acquire(true);
            }
            sharedHolders++;
        } finally {
            state.unlock();
        }
        return once(this::releaseShared);
    }

    public Held exclusive() {
        state.lock();
        try {
            while (exclusiveHeld || sharedHolders > 0) {
                released.awaitUninterruptibly();
            }
            osLock = acquire(false);
            exclusiveHeld = true;
        } finally {
            state.unlock();
        }
        return once(this::releaseExclusive);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException("closing lock file " + file + ": " + FailureReason.of(e), e);
        }
    }

    private void releaseShared() {
        state.lock();
        try {
            if (--sharedHolders == 0) {
                releaseOsLock();
                released.signalAll();
            }
        } finally {
            state.unlock();
        }
    }

    private void releaseExclusive() {
        state.lock();
        try {
            exclusiveHeld = false;
            releaseOsLock();
            released.signalAll();
        } finally {
            state.unlock();
        }
    }

    /**
     * Polls {@link FileChannel#tryLock} rather than blocking in {@link FileChannel#lock}: an interrupt during a
     * blocking lock closes the channel, and closing any descriptor of the file drops every lock this process
     * holds on it (the other threads' shared holds included). An interrupt that arrives meanwhile is kept
     * for the caller, who sees it once the lock is taken.
     */
    private FileLock acquire(boolean shared) {
        boolean interrupted = Thread.interrupted();
        try {
            for (long pause = 1; ; pause = Math.min(pause * 2, 50)) {
                try {
                    FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                    if (lock != null) {
                        return lock;
                    }
                } catch (OverlappingFileLockException anotherInstanceInThisProcess) {
                    // A second StoreLock on the same file in this JVM: wait for it rather than fail.
                } catch (IOException e) {
                    throw new StoreException("locking " + file + ": " + FailureReason.of(e), e);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseOsLock() {
        try {
            osLock.release();
        } catch (IOException e) {
            throw new StoreException("unlocking " + file + ": " + FailureReason.of(e), e);
        } finally {
            osLock = null;
        }
    }

    private static Held once(Runnable release) {
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release.run();
            }
        };
    }
}
