package dev.berth.context;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * SHA-256 of context files' content, reading a file only when the {@link StatCache} cannot vouch for
 * it. A file that changes while it is read (its stat differs before and after) is hashed but not
 * cached, so the next build reads it again.
 */
public final class ContentHasher {

    /** A file's digest and whether it came from the cache rather than from reading the file. */
    public record ContentHash(String path, Digest digest, boolean cached) {
        public ContentHash {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(digest, "digest");
        }
    }

    private final BuildContext context;
    private final StatCache cache;
    private final Clock clock;

    public ContentHasher(BuildContext context, StatCache cache, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Hashes one regular file of the context, reading it only when the stat cache cannot vouch for it.
     *
     * @throws IllegalArgumentException when the entry is not a regular file
     */
    public ContentHash hash(ContextEntry entry) {
        Path file = fileOf(entry);
        try {
            FileStat before = FileStats.lstat(file);
            Optional<Digest> known = cache.lookup(entry.path(), before);
            if (known.isPresent()) {
                return new ContentHash(entry.path(), known.get(), true);
            }
            try (HashingFileStream in = open(entry, file, before, known)) {
                in.transferTo(OutputStream.nullOutputStream());
                return in.finish();
            }
        } catch (IOException failure) {
            throw new StoreException("hashing " + entry.path() + " in build context " + context.root(), failure);
        }
    }

    /**
     * Opens one regular file of the context for a caller that reads all of it anyway: hashed as it is
     * read unless the stat cache vouches for it, the new digest recorded in the cache as {@link #hash} does.
     *
     * @throws IllegalArgumentException when the entry is not a regular file
     */
    public HashingFileStream open(ContextEntry entry) throws IOException {
        Path file = fileOf(entry);
        FileStat before = FileStats.lstat(file);
        return open(entry, file, before, cache.lookup(entry.path(), before));
    }

    private HashingFileStream open(ContextEntry entry, Path file, FileStat before, Optional<Digest> known)
            throws IOException {
        long startedAt = nanos(clock.instant());
        return new HashingFileStream(entry.path(), file, before, known,
                digest -> cache.record(entry.path(), before, digest, startedAt));
    }

    private Path fileOf(ContextEntry entry) {
        if (entry.type() != FileKind.FILE) {
            throw new IllegalArgumentException("only regular files have content to hash: " + entry.path());
        }
        return context.root().resolve(entry.path());
    }

    /**
     * Whether the stat cache holds a digest for the entry with the stat the context listing saw:
     * a hint (no file-system call), since the file may change before it is hashed.
     */
    public boolean vouchesFor(ContextEntry entry) {
        return entry.type() == FileKind.FILE && cache.lookup(entry.path(), entry.stat()).isPresent();
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
