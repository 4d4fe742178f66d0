package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes and counts what is read through it, and fails with {@link LimitExceededException} once more
 * than {@code limit} bytes came through: the guard against decompression bombs.
 */
final class DigestingInputStream extends FilterInputStream {

    /** More bytes arrived than the limit allows. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " uncompressed bytes (decompression bomb?)");
        }
    }

    private final MessageDigest sha256 = Digest.newSha256();
    private final long limit;
    private long count;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too, so skipping is reading.
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads and hashes whatever is left, still within the limit. */
    void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // the bytes only matter to the digest
        }
    }

    long count() {
        return count;
    }

    Digest digest() {
        return Digest.sha256(sha256);
    }

    private void counted(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
    }
}
