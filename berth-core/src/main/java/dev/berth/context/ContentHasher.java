package dev.berth.context;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

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
     * Hashes one regular file of the context.
     *
     * @throws IllegalArgumentException when the entry is not a regular file
     */
    public ContentHash hash(ContextEntry entry) {
        if (entry.type() != EntryType.FILE) {
            throw new IllegalArgumentException("only regular files have content to hash: " + entry.path());
        }
        Path file = context.root().resolve(entry.path());
        try {
            FileStat before = FileStats.lstat(file);
            var known = cache.lookup(entry.path(), before);
            if (known.isPresent()) {
                return new ContentHash(entry.path(), known.get(), true);
            }
            long startedAt = nanos(clock.instant());
            Digest digest = read(file);
            if (FileStats.lstat(file).equals(before)) {
                cache.record(entry.path(), before, digest, startedAt);
            }
            return new ContentHash(entry.path(), digest, false);
        } catch (IOException failure) {
            throw new StoreException("hashing " + entry.path() + " in build context " + context.root(), failure);
        }
    }

    private static Digest read(Path file) throws IOException {
        MessageDigest sha256 = Digest.newSha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        return Digest.sha256(sha256);
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
