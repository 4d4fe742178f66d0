package dev.berth.engine;

import dev.berth.dockerfile.instruction.Mount;
import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The directories of {@code RUN --mount=type=cache}: one per cache {@code id}, at
 * {@code <directory>/<sha256 of id>}, kept between builds (their content is not part of any cache key, as in
 * BuildKit) until {@link #prune}. {@code sharing} decides who may use one at the same time:
 * {@code shared} anyone; {@code locked} one step at a time, the others wait (an exclusive lock in this process
 * and a file lock across processes, held while the RUN runs); {@code private} the directory when nobody holds
 * it, otherwise a fresh directory of its own, removed after the step.
 */
public final class CacheMounts {

    /** A cache directory taken for one step; {@link #close} gives it back. */
    public record Lease(Path directory, Runnable release) implements AutoCloseable {
        public Lease {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(release, "release");
        }

        @Override
        public void close() {
            release.run();
        }
    }

    /** Fills a cache directory just made, before any step sees it. */
    @FunctionalInterface
    interface Seed {
        void fill(Path directory) throws IOException;
    }

    /** What {@link #prune} removed. */
    public record Pruned(int directories, long bytes) {}

    private static final Duration LOCK_POLL = Duration.ofMillis(50);

    private final Path directory;
    /** Steps of this process using each cache: read for shared, write for locked and private. */
    private final Map<Path, ReentrantReadWriteLock> users = new ConcurrentHashMap<>();

    /** @param directory where cache directories live (the store's {@code cache/mounts}) */
    public CacheMounts(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The directory of the cache {@code id} on the host, whether or not it exists yet. */
    Path directoryOf(String id) {
        return directory.resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
    }

    /**
     * Takes the cache {@code id} as {@code sharing} says; a directory made now is filled by {@code seed}
     * (a copy of {@code from}, the owner and mode asked) before any step sees it.
     */
    Lease acquire(String id, Mount.Sharing sharing, Seed seed) {
        Path cache = directoryOf(id);
        ensure(cache, seed);
        ReentrantReadWriteLock lock = users.computeIfAbsent(cache, _ -> new ReentrantReadWriteLock());
        return switch (sharing) {
            case SHARED -> {
                lock.readLock().lock();
                yield new Lease(cache, lock.readLock()::unlock);
            }
            case LOCKED -> {
                lock.writeLock().lock();
                FileLock held = fileLock(cache, true).orElseThrow();
                yield new Lease(cache, () -> release(held, lock));
            }
            case PRIVATE -> {
                Optional<FileLock> held = lock.writeLock().tryLock() ? fileLock(cache, false) : Optional.empty();
                if (held.isPresent()) {
                    yield new Lease(cache, () -> release(held.get(), lock));
                }
                if (lock.isWriteLockedByCurrentThread()) {
                    lock.writeLock().unlock();
                }
                Path own = directory.resolve("private-" + UUID.randomUUID());
                ensure(own, seed);
                yield new Lease(own, () -> delete(own));
            }
        };
    }

    /** Removes every cache directory no step holds; returns how many and how many bytes. */
    public Pruned prune() {
        if (!Files.isDirectory(directory)) {
            return new Pruned(0, 0);
        }
        int count = 0;
        long bytes = 0;
        try (var entries = Files.list(directory)) {
            // Only the caches themselves: a private or half-made directory belongs to a running step.
            for (Path entry : entries.filter(Files::isDirectory)
                    .filter(path -> path.getFileName().toString().matches("[0-9a-f]{64}")).toList()) {
                ReentrantReadWriteLock lock = users.computeIfAbsent(entry, _ -> new ReentrantReadWriteLock());
                if (!lock.writeLock().tryLock()) {
                    continue;
                }
                Optional<FileLock> held = fileLock(entry, false);
                try {
                    if (held.isPresent()) {
                        bytes += DirectoryTrees.size(entry);
                        DirectoryTrees.delete(entry);
                        count++;
                    }
                } finally {
                    release(held.orElse(null), lock);
                }
            }
        } catch (IOException e) {
            throw new StoreException("pruning cache mounts in " + directory, e);
        }
        return new Pruned(count, bytes);
    }

    /** Bytes the cache directories take. */
    public long bytes() {
        return Files.isDirectory(directory) ? DirectoryTrees.size(directory) : 0;
    }

    private void ensure(Path cache, Seed seed) {
        if (Files.isDirectory(cache)) {
            return;
        }
        Path fresh = directory.resolve(".new-" + UUID.randomUUID());
        try {
            Files.createDirectories(fresh);
            seed.fill(fresh);
            // Not ATOMIC_MOVE: rename(2) would replace a directory another step just made (and may be using)
            // while it is still empty; a plain move refuses an existing target.
            Files.move(fresh, cache);
        } catch (IOException lostTheRace) {
            // Another step made it first: its directory wins and ours goes.
            if (!Files.isDirectory(cache)) {
                throw new StoreException("making cache mount directory " + cache, lostTheRace);
            }
        } finally {
            delete(fresh);
        }
    }

    /** The file lock beside {@code cache}, waiting for it when {@code wait}, else only if free now. */
    private static Optional<FileLock> fileLock(Path cache, boolean wait) {
        Path lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return Optional.of(lock);
                    }
                } catch (OverlappingFileLockException heldByAnotherEngineHere) {
                    // Another build in this JVM holds it; file locks are per process, so poll as for another process.
                }
                if (!wait) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(LOCK_POLL);
            }
        } catch (IOException e) {
            throw new StoreException("locking cache mount " + cache, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("waiting for the locked cache mount " + cache, e);
        }
    }

    private static void release(FileLock held, ReentrantReadWriteLock lock) {
        try {
            if (held != null) {
                held.channel().close();
            }
        } catch (IOException e) {
            throw new StoreException("unlocking cache mount", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void delete(Path tree) {
        DirectoryTrees.delete(tree);
    }
}
