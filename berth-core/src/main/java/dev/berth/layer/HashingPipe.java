package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream that gathers its bytes in 1 MiB chunks, hashes each (SHA-256) on a second thread
 * and writes it downstream on the calling thread meanwhile, so that hashing overlaps with writing the
 * blob and reading the next files, as the stages of {@code tar | tee | openssl} overlap. Downstream
 * sees every write from the calling thread (streams such as {@code PipedOutputStream} care).
 * {@link #finish()} writes the last chunk and waits for its hash; {@link #close()} without
 * {@code finish()} abandons what is pending. Not thread-safe: one thread writes.
 */
final class HashingPipe extends OutputStream {

    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], -1);

    private record Chunk(byte[] bytes, int length) {
    }

    private final OutputStream downstream;
    private final MessageDigest sha256 = Digest.newSha256();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread worker;
    private volatile IOException failure;
    private byte[] current;
    private int position;
    private long count;
    private boolean ended;

    HashingPipe(OutputStream downstream) {
        this.downstream = downstream;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
        this.current = free.remove();
        this.worker = Thread.ofPlatform().daemon().name("berth-layer-hash").start(this::drain);
    }

    @Override
    public void write(int b) throws IOException {
        if (position == current.length) {
            handOver();
        }
        current[position++] = (byte) b;
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (position == current.length) {
                handOver();
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(b, off, current, position, n);
            position += n;
            off += n;
            len -= n;
            count += n;
        }
    }

    /** Reads up to {@code size} bytes of {@code in} straight into the chunks; returns how many it read. */
    long transferFrom(InputStream in, long size) throws IOException {
        long copied = 0;
        while (copied < size) {
            if (position == current.length) {
                handOver();
            }
            int n = in.read(current, position, (int) Math.min(size - copied, current.length - position));
            if (n < 0) {
                break;
            }
            position += n;
            copied += n;
        }
        count += copied;
        return copied;
    }

    /** Writes the last chunk downstream and waits until everything is hashed. */
    void finish() throws IOException {
        if (position > 0) {
            handOver();
        }
        end();
        checkFailure();
        downstream.flush();
    }

    /** Stops the hashing thread; what was not {@linkplain #finish() finished} is dropped. */
    @Override
    public void close() throws IOException {
        end();
    }

    long count() {
        return count;
    }

    /** The SHA-256 of every byte written; call after {@link #finish()}. */
    Digest digest() {
        return Digest.sha256(sha256);
    }

    private void handOver() throws IOException {
        checkFailure();
        try {
            full.put(new Chunk(current, position));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a layer");
        }
        // The hashing thread reads the chunk while it is written; it is reused once both are done.
        downstream.write(current, 0, position);
        try {
            current = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a layer");
        }
        position = 0;
    }

    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        boolean interrupted = false;
        while (true) {
            try {
                full.put(END);
                worker.join();
                break;
            } catch (InterruptedException e) {
                // The worker must be gone before the caller closes the stream it writes to.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a layer");
        }
    }

    private void checkFailure() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void drain() {
        try {
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                if (failure == null) {
                    try {
                        sha256.update(chunk.bytes(), 0, chunk.length());
                    } catch (RuntimeException e) {
                        failure = new IOException("hashing the layer: " + e, e);
                    }
                }
                // After a failure chunks are only recycled, so the writer never blocks and sees it next.
                free.put(chunk.bytes());
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("layer hashing thread interrupted");
        }
    }
}
