package dev.berth.io;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An output stream that gathers its bytes in 1 MiB chunks and, when {@linkplain #hashing hashing}, passes
 * each along a pipeline of two threads: one hashes it (SHA-256), the next writes it downstream, so that
 * the caller's work (reading the next files), hashing and writing overlap as the three processes of
 * {@code tar | tee | openssl} do. Each stage costs about as much as the reading, so any two of them on one
 * thread leave the others idle half the time. Chunks pass in order through each stage, so the hash and the
 * output are those of a single thread doing it all. The threads start with the second chunk: a stream of
 * one chunk (a config, a manifest) is hashed and written by the caller.
 * {@link #finish()} waits until every stage has handled everything handed over, then hashes and writes
 * the last chunk and flushes on the calling thread while the stages are still alive: the last writer
 * downstream sees is the caller, which matters to streams that watch their writer thread
 * ({@code PipedInputStream} fails a read once its last writer thread has ended).
 * {@link #close()} without {@code finish()} abandons what is pending. Not thread-safe: one thread writes.
 * An {@linkplain #inline inline} pipe neither hashes nor starts threads: a buffer that the caller writes
 * out, for a sink that hashes what it keeps and has threads of its own (the content store's ingester).
 */
public final class HashingPipe extends OutputStream {

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
    /** Empty for an inline pipe. */
    private final Optional<MessageDigest> sha256;
    private final String threadName;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    /** The first stage's queue. */
    private final BlockingQueue<Chunk> full = queue();
    private final BlockingQueue<Boolean> drained = new ArrayBlockingQueue<>(1);
    private final List<Thread> stages = new ArrayList<>();
    private volatile IOException failure;
    private int allocated;
    private byte[] current;
    private int position;
    private long count;
    private boolean ended;

    private HashingPipe(OutputStream downstream, boolean hashing, String threadName) {
        this.downstream = downstream;
        this.sha256 = hashing ? Optional.of(Digest.newSha256()) : Optional.empty();
        this.threadName = threadName;
        this.current = new byte[CHUNK_SIZE];
        this.allocated = 1;
    }

    /**
     * A pipe that hashes what it writes to {@code downstream} and writes it, each on a thread of its own
     * once there is more than a chunk; the threads are named {@code threadName-hash} and {@code threadName-write}.
     */
    public static HashingPipe hashing(OutputStream downstream, String threadName) {
        return new HashingPipe(downstream, true, threadName);
    }

    /** A pipe that writes 1 MiB chunks to {@code downstream} on the caller's thread and hashes nothing. */
    public static HashingPipe inline(OutputStream downstream) {
        return new HashingPipe(downstream, false, "");
    }

    // Never full: a queue holds at most every chunk, one SYNC and one END, so a put never waits.
    private static BlockingQueue<Chunk> queue() {
        return new ArrayBlockingQueue<>(CHUNKS + 2);
    }

    private void startStages() {
        BlockingQueue<Chunk> writes = queue();
        startStage(threadName + "-hash", full, writes, this::update);
        startStage(threadName + "-write", writes, null, (bytes, length) -> downstream.write(bytes, 0, length));
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
    public long transferFrom(InputStream in, long size) throws IOException {
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
    public void finish() throws IOException {
        if (!stages.isEmpty()) {
            try {
                full.put(SYNC);
                // The stages stay alive until END: a pipe never sees its last writer gone before the caller wrote.
                while (drained.poll(100, TimeUnit.MILLISECONDS) == null) {
                    checkStagesAlive();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing");
            }
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

    /** The number of bytes written to this stream. */
    public long count() {
        return count;
    }

    /** The SHA-256 of every byte written; call after {@link #finish()} on a hashing pipe. */
    public Digest digest() {
        return Digest.sha256(sha256.orElseThrow(() -> new IllegalStateException("this pipe does not hash")));
    }

    private void update(byte[] bytes, int length) {
        sha256.ifPresent(sha -> sha.update(bytes, 0, length));
    }

    private void handOver() throws IOException {
        checkFailure();
        if (sha256.isEmpty()) {
            downstream.write(current, 0, position);
            position = 0;
            return;
        }
        if (stages.isEmpty()) {
            startStages();
        }
        try {
            full.put(new Chunk(current, position));
            current = nextFree();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        position = 0;
    }

    private byte[] nextFree() throws InterruptedException, IOException {
        byte[] next = free.poll();
        if (next != null) {
            return next;
        }
        if (allocated < CHUNKS) {
            allocated++;
            return new byte[CHUNK_SIZE];
        }
        // A stage killed by an Error never frees a chunk: waiting on it alone would hang the writer.
        while ((next = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
            checkStagesAlive();
        }
        return next;
    }

    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (stages.isEmpty()) {
            return;
        }
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
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void checkStagesAlive() throws IOException {
        if (!stages.stream().allMatch(Thread::isAlive)) {
            checkFailure();
            throw new IOException("a hashing or writing thread (" + threadName + ") ended early");
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
                        failure = new IOException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
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
            failure = new InterruptedIOException("writing thread " + threadName + " interrupted");
        }
        if (next != null) {
            // The next stage ends too, even when this one was interrupted (never waits: see queue()).
            next.offer(END);
        }
    }
}
