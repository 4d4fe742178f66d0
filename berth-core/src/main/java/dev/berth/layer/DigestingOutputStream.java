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

    private final MessageDigest sha256;
    private long count;

    DigestingOutputStream(OutputStream out) {
        this(out, true);
    }

    /** With {@code hashing} false, only counts: for a blob whose digest is known to equal another's. */
    DigestingOutputStream(OutputStream out, boolean hashing) {
        super(out);
        this.sha256 = hashing ? Digest.newSha256() : null;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (sha256 != null) {
            sha256.update((byte) b);
        }
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (sha256 != null) {
            sha256.update(b, off, len);
        }
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
        if (sha256 == null) {
            throw new IllegalStateException("this stream only counts");
        }
        return Digest.sha256(sha256);
    }
}
