package dev.berth.layer;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An output stream that gathers its bytes in 1 MiB chunks and passes each along a pipeline of threads:
 * one hashes it (SHA-256), the next writes it downstream, so that reading the next files, hashing and
 * writing overlap as the three processes of {@code tar | tee | openssl} do. Hashing and writing on
 * separate threads matters: together they cost about twice the reading, so one thread doing both left
 * the reader idle half the time. Chunks pass in order through each stage, so the hash and the output are
 * those of a single thread doing it all.
 * {@link #finish()} waits until every stage has handled everything handed over, then hashes and writes
 * the last chunk and flushes on the calling thread while the stages are still alive: the last writer
 * downstream sees is the caller, which matters to streams that watch their writer thread
 * ({@code PipedInputStream} fails a read once its last writer thread has ended).
 * {@link #close()} without {@code finish()} abandons what is pending. Not thread-safe: one thread writes.
 * Without hashing it is a write-behind buffer (one stage), for a sink that hashes what it keeps.
 */
final class HashingPipe extends OutputStream {

    private static final int CHUNK_SIZE = 1 << 20;
    // Enough for each stage to hold one while another waits in each queue.
    private static final int CHUNKS = 8;
    private static final Chunk END = new Chunk(new byte[0], -1);
    private static final Chunk SYNC = new Chunk(new byte[0], -2);

    private record Chunk(byte[] bytes, int length) {
    }

    /** What a stage does to each chunk. */
    private interface Step {
        void apply(byte[] bytes, int length) throws IOException;
    }

    private final OutputStream downstream;
    /** Empty when the caller's sink hashes the bytes itself. */
    private final Optional<MessageDigest> sha256;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    /** The first stage's queue. */
    private final BlockingQueue<Chunk> full;
    private final BlockingQueue<Boolean> drained = new ArrayBlockingQueue<>(1);
    private final List<Thread> stages = new ArrayList<>();
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
        BlockingQueue<Chunk> writes = queue();
        if (hashing) {
            this.full = queue();
            startStage("berth-layer-hash", full, writes, this::update);
        } else {
            this.full = writes;
        }
        startStage("berth-layer-write", writes, null, (bytes, length) -> downstream.write(bytes, 0, length));
    }

    // Never full: a queue holds at most every chunk, one SYNC and one END, so a put never waits.
    private static BlockingQueue<Chunk> queue() {
        return new ArrayBlockingQueue<>(CHUNKS + 2);
    }

    private void startStage(String name, BlockingQueue<Chunk> in, BlockingQueue<Chunk> next, Step step) {
        stages.add(Thread.ofPlatform().daemon().name(name).start(() -> runStage(in, next, step)));
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
            // The stages stay alive until END: a pipe never sees its last writer gone before the caller wrote.
            while (drained.poll(100, TimeUnit.MILLISECONDS) == null) {
                checkStagesAlive();
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

    /** Stops the stages; what was not {@linkplain #finish() finished} is dropped. */
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
            byte[] next;
            // A stage killed by an Error never frees a chunk: waiting on it alone would hang the writer.
            while ((next = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                checkStagesAlive();
            }
            current = next;
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
        // Never waits: see queue().
        full.offer(END);
        for (Thread stage : stages) {
            while (true) {
                try {
                    stage.join();
                    break;
                } catch (InterruptedException e) {
                    // The stages must be gone before the caller closes the stream they write to.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a layer");
        }
    }

    private void checkStagesAlive() throws IOException {
        if (!stages.stream().allMatch(Thread::isAlive)) {
            checkFailure();
            throw new IOException("a layer writing thread ended early");
        }
    }

    private void checkFailure() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Applies {@code step} to each chunk of {@code in} in order, then passes it to {@code next}, or frees it after the last stage. */
    private void runStage(BlockingQueue<Chunk> in, BlockingQueue<Chunk> next, Step step) {
        try {
            for (Chunk chunk = in.take(); chunk != END; chunk = in.take()) {
                if (chunk == SYNC) {
                    if (next == null) {
                        drained.put(Boolean.TRUE);
                    } else {
                        next.put(SYNC);
                    }
                    continue;
                }
                if (failure == null) {
                    try {
                        step.apply(chunk.bytes(), chunk.length());
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new IOException(e.toString(), e);
                    }
                }
                // After a failure chunks are only recycled, so the writer never blocks and sees it next.
                if (next == null) {
                    free.put(chunk.bytes());
                } else {
                    next.put(chunk);
                }
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("layer writing thread interrupted");
        }
        if (next != null) {
            // The next stage ends too, even when this one was interrupted (never waits: see queue()).
            next.offer(END);
        }
    }
}
