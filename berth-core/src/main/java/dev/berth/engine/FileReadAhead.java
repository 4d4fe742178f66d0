package dev.berth.engine;

import dev.berth.context.HashingFileStream;
import dev.berth.image.Digest;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the files of a layer on a thread of its own, in the order the layer writer will ask for them,
 * hashing each as it goes ({@link HashingFileStream}), and hands their bytes over in blocks. The writer's
 * thread is left with framing, hashing and writing the tar, so a COPY's two SHA-256 passes (file contents
 * for the cache key, the tar for the blob) run on two cores over one read of each file.
 *
 * <p>{@link #content(int)} must be opened in index order, each read to its end, on one thread; the
 * digests are known once a file's content has been read to the end. At most {@value #BLOCKS} blocks of
 * {@value #BLOCK_SIZE} bytes are in flight. {@link #close()} stops the reader.
 */
final class FileReadAhead implements AutoCloseable {

    /** Opens one file for reading and hashing; called on the reading thread. */
    @FunctionalInterface
    interface Opener {
        HashingFileStream open() throws IOException;
    }

    static final int BLOCK_SIZE = 256 * 1024;
    static final int BLOCKS = 16;

    /** Part of file {@code index}; the last part carries the digest, a failed read the failure. */
    private record Block(int index, byte[] bytes, int length, Digest digest, Exception failure) {
        boolean last() {
            return digest != null;
        }
    }

    private final List<Opener> files;
    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Digest[] digests;
    private final Thread reader;
    private int allocated;
    private int nextToOpen;

    FileReadAhead(List<Opener> files) {
        this.files = List.copyOf(files);
        this.digests = new Digest[files.size()];
        // A platform thread: it hashes without pause, and a virtual one would compete for the same
        // carriers as the stage threads instead of having a core of its own.
        this.reader = Thread.ofPlatform().daemon().name("berth-read-ahead").start(this::readAll);
    }

    /** The content of file {@code index}, for the layer entry that carries it. */
    LayerEntry.ContentSource content(int index) {
        return () -> {
            if (index != nextToOpen) {
                throw new IllegalStateException("file " + index + " opened out of order, expected " + nextToOpen);
            }
            nextToOpen++;
            return new BlockStream(index);
        };
    }

    /** The digest of file {@code index}, known once its content was read to the end. */
    Digest digest(int index) {
        Digest digest = digests[index];
        if (digest == null) {
            throw new IllegalStateException("file " + index + " was not read to its end");
        }
        return digest;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() {
        try {
            for (int index = 0; index < files.size(); index++) {
                try (HashingFileStream in = files.get(index).open()) {
                    while (true) {
                        byte[] bytes = buffer();
                        int length = in.readNBytes(bytes, 0, bytes.length);
                        if (length < bytes.length) {
                            filled.put(new Block(index, bytes, length, in.finish().digest(), null));
                            break;
                        }
                        filled.put(new Block(index, bytes, length, null, null));
                    }
                } catch (IOException | RuntimeException failure) {
                    if (!Thread.currentThread().isInterrupted()) {
                        filled.put(new Block(index, null, 0, null, failure));
                    }
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            // closed by the writer's side: nothing more is wanted
        }
    }

    private byte[] buffer() throws InterruptedException {
        byte[] bytes = free.poll();
        if (bytes != null) {
            return bytes;
        }
        if (allocated < BLOCKS) {
            allocated++;
            return new byte[BLOCK_SIZE];
        }
        return free.take();
    }

    /** The writer's view of one file: its blocks, in order, until the last. */
    private final class BlockStream extends InputStream {
        private final int index;
        private Block block;
        private int position;
        private boolean ended;

        BlockStream(int index) {
            this.index = index;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, block.length() - position);
            System.arraycopy(block.bytes(), position, target, offset, n);
            position += n;
            return n;
        }

        /** Hands each block to {@code out} as it is, without the copy a read buffer would add. */
        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            long transferred = 0;
            while (fill()) {
                int n = block.length() - position;
                out.write(block.bytes(), position, n);
                position += n;
                transferred += n;
            }
            return transferred;
        }

        /** Makes the current block one with bytes left, recycling used ones; false at the end of the file. */
        private boolean fill() throws IOException {
            while (!ended && (block == null || position == block.length())) {
                if (block != null) {
                    free.offer(block.bytes());
                    boolean last = block.last();
                    block = null;
                    if (last) {
                        ended = true;
                        break;
                    }
                }
                block = next();
                position = 0;
            }
            return !ended;
        }

        private Block next() throws IOException {
            Block next;
            try {
                next = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for file " + index);
            }
            if (next.failure() != null) {
                throw next.failure() instanceof IOException io ? io : new IOException(next.failure().getMessage(), next.failure());
            }
            if (next.index() != index) {
                throw new IllegalStateException("read ahead file " + next.index() + " while file " + index + " was read");
            }
            if (next.last()) {
                digests[index] = next.digest();
            }
            return next;
        }
    }
}
