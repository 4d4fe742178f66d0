package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on a second thread, in 1 MiB chunks, hashing (SHA-256) and counting the bytes
 * there, so that reading and decompressing the layer overlaps with writing its files. Fails with
 * {@link LimitExceededException} once more than {@code limit} bytes came through: the guard against
 * decompression bombs (at most one chunk past the limit is ever read). A failure of the source is
 * rethrown to the reader where it happened in the stream, after the bytes before it.
 *
 * <p>{@link #close()} stops the reading thread but does not close the source: its opener does.
 * One thread reads.
 */
final class ReadAheadDigestingStream extends InputStream {

    /** More bytes arrived than the limit allows. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " uncompressed bytes (decompression bomb?)");
        }
    }

    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 4;

    /** Bytes read ahead; {@code length} -1 marks the end of the source, a {@code failure} its error. */
    private record Chunk(byte[] bytes, int length, Exception failure) {
    }

    private final InputStream source;
    private final long limit;
    private final MessageDigest sha256 = Digest.newSha256();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread worker;
    private volatile boolean closed;
    private long count;
    private Chunk current;
    private int position;
    private boolean ended;

    ReadAheadDigestingStream(InputStream source, long limit) {
        this.source = source;
        this.limit = limit;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
        this.worker = Thread.ofPlatform().daemon().name("berth-layer-read").start(this::fill);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!nextBytes()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && nextBytes()) {
            int step = (int) Math.min(n - skipped, current.length() - position);
            position += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return current == null || ended || current.failure() != null ? 0 : current.length() - position;
    }

    /** Reads whatever is left, still within the limit, so that the digest covers the whole source. */
    void drain() throws IOException {
        while (nextBytes()) {
            position = current.length();
        }
    }

    /** How many bytes the source gave; call after the end was read. */
    long count() {
        return count;
    }

    /** The SHA-256 of the whole source; call after the end was read. */
    Digest digest() {
        return Digest.sha256(sha256);
    }

    /** Stops reading ahead and waits for the reading thread to be done with the source. */
    @Override
    public void close() throws IOException {
        closed = true;
        // Wakes the reader if it waits for a free chunk; it then sees `closed`.
        free.offer(new byte[0]);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the layer reader");
        }
    }

    /** Makes {@code current} hold unread bytes; false at the end of the source. */
    private boolean nextBytes() throws IOException {
        while (!ended && (current == null || position == current.length())) {
            if (current != null && current.failure() != null) {
                rethrow(current.failure());
            }
            if (current != null) {
                free.add(current.bytes());
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a layer");
            }
            position = 0;
            if (current.failure() != null) {
                rethrow(current.failure());
            }
            if (current.length() < 0) {
                ended = true;
            }
        }
        return !ended;
    }

    private static void rethrow(Exception failure) throws IOException {
        switch (failure) {
            case IOException io -> throw io;
            case RuntimeException runtime -> throw runtime;
            default -> throw new IOException(failure);
        }
    }

    private void fill() {
        try {
            while (true) {
                byte[] chunk = free.take();
                if (closed) {
                    return;
                }
                int n = source.readNBytes(chunk, 0, chunk.length);
                if (n > 0) {
                    sha256.update(chunk, 0, n);
                    count += n;
                    if (count > limit) {
                        throw new LimitExceededException(limit);
                    }
                    full.put(new Chunk(chunk, n, null));
                }
                if (n < chunk.length) {
                    full.put(new Chunk(new byte[0], -1, null));
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            full.offer(new Chunk(new byte[0], 0, e));
        } catch (InterruptedException e) {
            full.offer(new Chunk(new byte[0], 0, new InterruptedIOException("layer reader interrupted")));
        }
    }
}
