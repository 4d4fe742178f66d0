package dev.berth.engine.mount;

import dev.berth.engine.rootfs.DirectoryTrees;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.plan.RunMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories of {@code RUN --mount=type=cache}: one per cache {@code id}, at
 * {@code <directory>/<sha256 of id>}, kept between builds (their content is not part of any cache key, as in
 * BuildKit) until {@link #prune}. {@code sharing} decides who may use one at the same time:
 * {@code shared} anyone (a shared lock, in this process and on a file across processes, so that prune elsewhere
 * passes it by); {@code locked} one step at a time, the others wait (an exclusive lock in this process and on the file,
 * held while the RUN runs); {@code private} the directory when nobody holds it, otherwise a fresh directory of
 * its own, removed after the step. See {@link CacheLock}.
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
    public interface Seed {
        void fill(Path directory) throws IOException;
    }

    /** What {@link #prune} removed. */
    public record Pruned(int directories, long bytes) {}

    private final Path directory;
    /** Who uses each cache, in this process and across processes. */
    private final Map<Path, CacheLock> users = new ConcurrentHashMap<>();

    /** @param directory where cache directories live (the store's {@code cache/mounts}) */
    public CacheMounts(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The directory of the cache {@code id} on the host, whether or not it exists yet. */
    public Path directoryOf(String id) {
        return directory.resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
    }

    /**
     * Takes the cache {@code id} as {@code sharing} says; a directory made now is filled by {@code seed}
     * (a copy of {@code from}, the owner and mode asked) before any step sees it.
     */
    public Lease acquire(String id, RunMount.Sharing sharing, Seed seed) {
        Path cache = directoryOf(id);
        makeDirectory();
        CacheLock lock = users.computeIfAbsent(cache, CacheLock::new);
        return switch (sharing) {
            case SHARED -> leased(cache, seed, lock.share());
            case LOCKED -> leased(cache, seed, lock.hold());
            case PRIVATE -> lock.holdIfFree().map(release -> leased(cache, seed, release)).orElseGet(() -> {
                Path own = directory.resolve("private-" + UUID.randomUUID());
                ensure(own, seed);
                return new Lease(own, () -> delete(own));
            });
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
                Optional<Runnable> held = users.computeIfAbsent(entry, CacheLock::new).holdIfFree();
                if (held.isEmpty()) {
                    continue;
                }
                try {
                    bytes += DirectoryTrees.size(entry);
                    DirectoryTrees.delete(entry);
                    count++;
                } finally {
                    held.get().run();
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

    /**
     * The cache, made now if it is missing (also when prune removed it before the lock was taken), with the lock
     * already held; the lock is given back if making it fails.
     */
    private Lease leased(Path cache, Seed seed, Runnable release) {
        try {
            ensure(cache, seed);
        } catch (RuntimeException failed) {
            release.run();
            throw failed;
        }
        return new Lease(cache, release);
    }

    private void makeDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("making cache mount directory " + directory, e);
        }
    }

    private static void delete(Path tree) {
        DirectoryTrees.delete(tree);
    }
}
