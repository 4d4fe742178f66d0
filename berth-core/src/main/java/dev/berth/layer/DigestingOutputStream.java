package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through while hashing them with SHA-256 and counting them. {@link #close()} flushes
 * but does not close the stream underneath: the caller who opened that stream closes it.
 */
final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256 = Digest.newSha256();
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    long count() {
        return count;
    }

    /** The digest of everything written; call once, after the last write. */
    Digest digest() {
        return Digest.sha256(sha256);
    }
}
