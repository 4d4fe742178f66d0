package dev.berth.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

/**
 * A gzip writer that deflates on several cores, as pigz does: the input is cut into fixed blocks, each
 * deflated independently with the previous block's last 32 KiB as its dictionary and ended with a sync
 * flush, and the raw deflate outputs are concatenated into one gzip member. The output depends only on
 * the level, the block size and the zlib that deflates ({@link BlockDeflater}: the system's where it can
 * be loaded), never on the thread count or timing. The CRC-32 runs on the writing thread (it is
 * hardware-accelerated and far faster than deflate).
 */
public final class ParallelGzipOutputStream extends OutputStream {

    /** pigz's default block size. */
    public static final int DEFAULT_BLOCK_SIZE = 128 * 1024;
    private static final int DICTIONARY_SIZE = 32 * 1024;
    // RFC 1952 header: magic, deflate, no flags, mtime 0 (reproducible), no extra flags, OS unknown.
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final int level;
    private final int blockSize;
    private final int maxPending;
    private final ExecutorService workers;
    private final Queue<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    /** One deflater per worker thread, reused from block to block; all of them, to release at the end. */
    private final ThreadLocal<BlockDeflater> deflaters;
    private final Queue<BlockDeflater> created = new ConcurrentLinkedQueue<>();
    private byte[] block;
    private int filled;
    private byte[] dictionary;
    private long totalIn;
    private boolean closed;

    public ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize) throws IOException {
        if (level < 0 || level > 9 || threads < 1 || blockSize < DICTIONARY_SIZE) {
            throw new IllegalArgumentException("gzip level 0-9, 1+ threads and blocks of 32 KiB or more");
        }
        this.out = out;
        this.level = level;
        this.blockSize = blockSize;
        this.maxPending = threads * 3;
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("berth-gzip-", 0).factory());
        this.deflaters = ThreadLocal.withInitial(() -> {
            BlockDeflater deflater = BlockDeflater.create(level);
            created.add(deflater);
            return deflater;
        });
        this.block = new byte[blockSize];
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("gzip stream already closed");
        }
        crc.update(b, off, len);
        totalIn += len;
        while (len > 0) {
            int n = Math.min(len, blockSize - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == blockSize) {
                submit(false);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the last block and the trailer, then closes the stream underneath. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!pending.isEmpty()) {
                out.write(await(pending.remove()));
            }
            writeIntLe((int) crc.getValue());
            writeIntLe((int) totalIn); // ISIZE is the length modulo 2^32
            out.close();
        } finally {
            workers.shutdownNow();
            // Waits for a block still being deflated (after a failure): its native state must outlive it.
            workers.close();
            created.forEach(BlockDeflater::close);
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] previous = dictionary;
        pending.add(workers.submit(() -> deflate(input, length, previous, last)));
        if (!last) {
            dictionary = Arrays.copyOfRange(input, length - DICTIONARY_SIZE, length);
            block = new byte[blockSize];
            filled = 0;
        }
        while (pending.size() > maxPending) {
            out.write(await(pending.remove()));
        }
    }

    private byte[] deflate(byte[] input, int length, byte[] previous, boolean last) {
        return deflaters.get().deflate(input, length, previous, last);
    }

    private static byte[] await(Future<byte[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing with gzip");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("compressing a gzip block failed", e.getCause());
        }
    }

    private void writeIntLe(int value) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }
}
