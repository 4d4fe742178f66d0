package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An output stream that gathers its bytes in 1 MiB chunks and hands each to a second thread, which
 * hashes it (SHA-256) and writes it downstream, so that reading the next files overlaps with hashing
 * and writing the previous ones, as the stages of {@code tar | tee | openssl} overlap.
 * {@link #finish()} waits until that thread has written everything handed over, then hashes and writes
 * the last chunk and flushes on the calling thread while the other is still alive: the last writer
 * downstream sees is the caller, which matters to streams that watch their writer thread
 * ({@code PipedInputStream} fails a read once its last writer thread has ended).
 * {@link #close()} without {@code finish()} abandons what is pending. Not thread-safe: one thread writes.
 * Without hashing it is a write-behind buffer, for a sink that hashes what it keeps.
 */
final class HashingPipe extends OutputStream {

    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], -1);
    private static final Chunk SYNC = new Chunk(new byte[0], -2);

    private record Chunk(byte[] bytes, int length) {
    }

    private final OutputStream downstream;
    /** Empty when the caller's sink hashes the bytes itself. */
    private final Optional<MessageDigest> sha256;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final BlockingQueue<Boolean> drained = new ArrayBlockingQueue<>(1);
    private final Thread worker;
    private volatile IOException failure;
    private byte[] current;
    private int position;
    private long count;
    private boolean ended;

    HashingPipe(OutputStream downstream, boolean hashing) {
        this.downstream = downstream;
        this.sha256 = hashing ? Optional.of(Digest.newSha256()) : Optional.empty();
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

    /** Waits until every handed-over chunk is hashed and written, then hashes, writes and flushes the last one. */
    void finish() throws IOException {
        try {
            full.put(SYNC);
            // The worker stays alive until END: a pipe never sees its last writer gone before the caller wrote.
            while (drained.poll(100, TimeUnit.MILLISECONDS) == null) {
                if (!worker.isAlive()) {
                    checkFailure();
                    throw new IOException("the layer hashing thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a layer");
        }
        checkFailure();
        update(current, position);
        downstream.write(current, 0, position);
        downstream.flush();
        end();
    }

    /** Stops the hashing thread; what was not {@linkplain #finish() finished} is dropped. */
    @Override
    public void close() throws IOException {
        end();
    }

    long count() {
        return count;
    }

    /** The SHA-256 of every byte written; call after {@link #finish()} on a hashing pipe. */
    Digest digest() {
        return Digest.sha256(sha256.orElseThrow(() -> new IllegalStateException("this pipe does not hash")));
    }

    private void update(byte[] bytes, int length) {
        sha256.ifPresent(sha -> sha.update(bytes, 0, length));
    }

    private void handOver() throws IOException {
        checkFailure();
        try {
            full.put(new Chunk(current, position));
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
        boolean sent = false;
        while (true) {
            try {
                if (!sent) {
                    full.put(END);
                    sent = true;
                }
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
                if (chunk == SYNC) {
                    drained.put(Boolean.TRUE);
                    continue;
                }
                if (failure == null) {
                    try {
                        update(chunk.bytes(), chunk.length());
                        downstream.write(chunk.bytes(), 0, chunk.length());
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new IOException(e.toString(), e);
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
