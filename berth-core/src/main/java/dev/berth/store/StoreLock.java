package dev.berth.store;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
                try {
                    releaseOsLock();
                } finally {
                    // Even when the release failed: the waiters would otherwise sleep for ever.
                    released.signalAll();
                }
            }
        } finally {
            state.unlock();
        }
    }

    private void releaseExclusive() {
        state.lock();
        try {
            exclusiveHeld = false;
            try {
                releaseOsLock();
            } finally {
                released.signalAll();
            }
        } finally {
            state.unlock();
        }
    }

    /**
     * Takes the OS lock without ever letting an interrupt reach {@link FileChannel#lock}: an interrupt during a
     * blocking lock closes the channel, and closing any descriptor of the file drops every lock this process
     * holds on it (the other threads' shared holds included). Uncontended, {@code tryLock} takes it at once;
     * contended, the blocking call waits in the kernel's queue (which polling would not: a collector taking
     * the lock in a loop starved polling writers) on a thread of its own that nothing interrupts, while this
     * thread waits without being interruptible. An interrupt that arrives meanwhile is kept for the caller.
     */
    private FileLock acquire(boolean shared) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                    return lock != null ? lock : lockOnItsOwnThread(shared);
                } catch (OverlappingFileLockException anotherInstanceInThisProcess) {
                    // A second StoreLock on the same file in this JVM: wait for it rather than fail.
                    interrupted |= pause();
                } catch (IOException e) {
                    if (!isDeadlockReport(e)) {
                        throw new StoreException("locking " + file + ": " + FailureReason.of(e), e);
                    }
                    // The kernel tracks lock waits per process, not per thread: one thread of this process holding
                    // another store lock that a second process waits for looks like a cycle, though that thread
                    // will release it without needing this lock. Wait and try again.
                    interrupted |= pause();
                }
            }
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FileLock lockOnItsOwnThread(boolean shared) throws IOException {
        CompletableFuture<FileLock> lock = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("berth-store-lock").start(() -> {
            try {
                lock.complete(channel.lock(0, Long.MAX_VALUE, shared));
            } catch (Throwable failure) {
                lock.completeExceptionally(failure);
            }
        });
        try {
            // join() waits through interrupts and sets the status again afterwards.
            return lock.join();
        } catch (CompletionException failed) {
            switch (failed.getCause()) {
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IOException(failed.getCause());
            }
        } catch (RuntimeException | Error abandoned) {
            // This thread gives up (out of memory, say): a lock the helper still gets must not stay held for ever.
            lock.thenAccept(StoreLock::releaseQuietly);
            throw abandoned;
        }
    }

    private static boolean isDeadlockReport(IOException e) {
        return "Resource deadlock avoided".equals(e.getMessage());
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel is closed or the process ends: the OS lock is gone with it.
        }
    }

    /** Sleeps a moment; true when interrupted meanwhile. */
    private static boolean pause() {
        try {
            Thread.sleep(2);
            return false;
        } catch (InterruptedException e) {
            return true;
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
