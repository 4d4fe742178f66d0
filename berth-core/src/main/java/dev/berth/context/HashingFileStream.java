package dev.berth.context;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One regular file read to its end by a caller that needs its bytes anyway (a layer writer), hashed
 * with SHA-256 on the way unless its digest is already known: the file is read once for both. After
 * the last byte, {@link #finish()} gives the digest and reports it, with the stat taken before the
 * read, to whoever remembers digests (the {@link StatCache}), unless the file changed while it was read.
 */
public final class HashingFileStream extends InputStream {

    private final String path;
    private final Path file;
    private final FileStat before;
    private final Optional<Digest> known;
    private final Consumer<Digest> unchangedFile;
    private final InputStream in;
    private final MessageDigest sha256;
    private boolean ended;

    HashingFileStream(String path, Path file, FileStat before, Optional<Digest> known, Consumer<Digest> unchangedFile)
            throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.file = file;
        this.before = before;
        this.known = known;
        this.unchangedFile = unchangedFile;
        this.in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        this.sha256 = known.isPresent() ? null : Digest.newSha256();
    }

    /** Reads and hashes {@code file} with no cache: for files outside a context (another stage's). */
    public static HashingFileStream uncached(String path, Path file) throws IOException {
        return new HashingFileStream(path, file, FileStats.lstat(file), Optional.empty(), _ -> { });
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else if (sha256 != null) {
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    /** Whether the stream has been read to its end, so that {@link #finish()} may be called. */
    public boolean ended() {
        return ended;
    }

    /**
     * The content digest, once the stream has been read to its end: the known one, or the one just
     * computed, which is remembered only if the file's stat is the same as before the read.
     *
     * @throws IllegalStateException before the end of the stream was read
     */
    public ContentHasher.ContentHash finish() throws IOException {
        if (!ended) {
            throw new IllegalStateException("the digest of " + path + " is known only after its last byte was read");
        }
        if (known.isPresent()) {
            return new ContentHasher.ContentHash(path, known.get(), true);
        }
        Digest digest = Digest.sha256(sha256);
        if (FileStats.lstat(file).equals(before)) {
            unchangedFile.accept(digest);
        }
        return new ContentHasher.ContentHash(path, digest, false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
