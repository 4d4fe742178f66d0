package dev.berth.store;

import com.sun.nio.file.ExtendedOpenOption;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.io.HashingPipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes one blob to {@code ingest/<owner>.blob}, then on commit: sync, verify the digest, rename into
 * {@code blobs/<alg>/<hex>}, sync the directory. The bytes are hashed and written on two threads of their
 * own ({@link HashingPipe}), so a caller that produces them (a layer writer reading files) keeps a core.
 * Holds the store's collect lock shared from start to end so the garbage collector never runs in the
 * middle of a write.
 */
final class FileIngester implements Ingester {

    // The least alignment O_DIRECT writes get: offsets, lengths and memory.
    private static final int DIRECT_ALIGNMENT = 4096;
    // Smaller writes (a config, a manifest) are not worth a second descriptor.
    private static final int DIRECT_MINIMUM = 256 * 1024;
    private static final int DIRECT_BUFFER = 1 << 20;

    private final StoreLayout layout;
    private final Path temp;
    private final FileChannel channel;
    private final StoreLock.Held collectGuard;
    private final FileStream file = new FileStream();
    private final HashingPipe pipe;
    private final OutputStream stream = new UnfinishedStream();
    private boolean finished;

    FileIngester(StoreLayout layout, Path temp, StoreLock.Held collectGuard) {
        this.layout = layout;
        this.temp = temp;
        this.collectGuard = collectGuard;
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            collectGuard.close();
            throw new StoreException("creating " + temp + ": " + FailureReason.of(e), e);
        }
        this.pipe = HashingPipe.hashing(file, "berth-ingest");
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public BlobInfo commit(Optional<Digest> expected) {
        if (finished) {
            throw new IllegalStateException("blob in " + temp + " was already committed or discarded");
        }
        BlobInfo committed;
        try {
            pipe.finish();
            // One sync covers what both descriptors wrote: it is the file's, not the descriptor's.
            channel.force(true);
            file.closeDirect();
            channel.close();
            Digest actual = digestIn(expected);
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new StoreException("committing blob: expected " + expected.get() + " but the " + pipe.count()
                        + " bytes written have digest " + actual + "; nothing was kept");
            }
            Path target = layout.blob(actual);
            if (!Files.exists(target)) {
                DurableFiles.createDirectory(target.getParent());
                DurableFiles.publish(temp, target);
            }
            committed = new BlobInfo(actual, pipe.count());
        } catch (IOException e) {
            StoreException failure = new StoreException("committing blob from " + temp + ": " + FailureReason.of(e), e);
            closeAfter(failure);
            throw failure;
        } catch (RuntimeException | Error failure) {
            closeAfter(failure);
            throw failure;
        }
        close();
        return committed;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            try {
                // The pipe's threads write to the channels: they are gone before the channels close (an
                // interrupted close still joins them before it reports the interrupt).
                pipe.close();
            } finally {
                try (channel) {
                    file.closeDirect();
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new StoreException("removing unfinished blob " + temp + ": " + FailureReason.of(e), e);
        } finally {
            collectGuard.close();
        }
    }

    /** Closes after a failed commit; a failure to clean up is added to the commit's, never put in its place. */
    private void closeAfter(Throwable failure) {
        try {
            close();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private Digest digestIn(Optional<Digest> expected) throws IOException {
        if (expected.isEmpty() || expected.get().algorithm().equals("sha256")) {
            return pipe.digest();
        }
        // Rare (sha512 content): hash the synced file again rather than every write twice.
        MessageDigest other = expected.get().newMessageDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(temp), other)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Digest(expected.get().algorithm(), HexFormat.of().formatHex(other.digest()));
    }

    /**
     * Refuses writes once the blob is committed or discarded, and reports a failed write as the store's:
     * the disk's refusal happened on the pipe's writing thread and reaches the caller as an IOException
     * from a later write, which a caller reading an archive could take for its own input's fault.
     */
    private final class UnfinishedStream extends OutputStream {
        @Override
        public void write(int b) {
            requireUnfinished();
            try {
                pipe.write(b);
            } catch (IOException e) {
                throw writeFailure(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            requireUnfinished();
            try {
                pipe.write(bytes, offset, length);
            } catch (IOException e) {
                throw writeFailure(e);
            }
        }

        private StoreException writeFailure(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StoreException) {
                    return new StoreException(cause.getMessage(), e);
                }
            }
            return new StoreException("writing blob to " + temp + ": " + FailureReason.of(e), e);
        }

        private void requireUnfinished() {
            if (finished) {
                throw new IllegalStateException("blob in " + temp + " was already committed or discarded");
            }
        }
    }

    /**
     * Writes to the file, and names the file when the disk refuses a write. Whole aligned chunks (a large
     * blob's every chunk but the last) are written with {@code O_DIRECT}, from memory straight to the disk:
     * the blob is synced before it is published anyway, and a write through the page cache costs the
     * kernel time for each page it allocates (about 2 s of CPU per GiB on a VM that hands freed memory
     * back to its host), on a core the hashing needs, then the sync waits for the write-back. The rest is
     * written through the page cache; where {@code O_DIRECT} is refused (tmpfs before Linux 6.6, some FUSE
     * file systems), everything is.
     */
    private final class FileStream extends OutputStream {
        private long written;
        private FileChannel direct;
        private Arena directMemory;
        private ByteBuffer aligned;
        private int alignment;
        private boolean directRefused;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                if (length >= DIRECT_MINIMUM && writeDirect(bytes, offset, length)) {
                    written += length;
                    return;
                }
                writeFully(channel, ByteBuffer.wrap(bytes, offset, length));
                written += length;
            } catch (IOException e) {
                throw new StoreException("writing blob to " + temp + ": " + FailureReason.of(e), e);
            }
        }

        /**
         * False when this write cannot go with {@code O_DIRECT} (the file system refuses it, or the write is not
         * aligned to its block size); the caller writes it through the page cache.
         */
        private boolean writeDirect(byte[] bytes, int offset, int length) throws IOException {
            if (directRefused) {
                return false;
            }
            try {
                if (alignment == 0) {
                    // The JDK checks O_DIRECT writes against the file system's block size; 4 KiB at least covers
                    // devices with 512-byte sectors under a file system that reports less.
                    alignment = Math.max(DIRECT_ALIGNMENT, Math.toIntExact(Files.getFileStore(temp).getBlockSize()));
                    if (alignment > DIRECT_BUFFER) {
                        directRefused = true;
                        return false;
                    }
                }
                if (length % alignment != 0 || written % alignment != 0) {
                    return false;
                }
                if (direct == null) {
                    direct = FileChannel.open(temp, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                    // Freed when the blob is done (closeDirect), not whenever a collection finds it.
                    directMemory = Arena.ofShared();
                    aligned = directMemory.allocate(DIRECT_BUFFER, alignment).asByteBuffer();
                }
                for (int done = 0; done < length; ) {
                    int n = Math.min(length - done, DIRECT_BUFFER);
                    aligned.clear().put(bytes, offset + done, n).flip();
                    writeFully(direct, aligned, written + done);
                    done += n;
                }
                return true;
            } catch (IOException | UnsupportedOperationException | ArithmeticException refused) {
                // Not an error of the blob's: a file system without O_DIRECT, or one that refuses this write's
                // alignment. The write is made again through the page cache, which reports real errors.
                directRefused = true;
                closeDirect();
                return false;
            }
        }

        private void writeFully(FileChannel to, ByteBuffer buffer) throws IOException {
            writeFully(to, buffer, written);
        }

        private static void writeFully(FileChannel to, ByteBuffer buffer, long position) throws IOException {
            for (long at = position; buffer.hasRemaining(); ) {
                at += to.write(buffer, at);
            }
        }

        /** Closes the direct descriptor and frees its buffer; called once no thread writes. */
        void closeDirect() {
            if (direct != null) {
                try {
                    direct.close();
                } catch (IOException ignored) {
                    // Nothing was left to write through it: every direct write completed or was made again.
                }
                direct = null;
            }
            if (directMemory != null) {
                aligned = null;
                directMemory.close();
                directMemory = null;
            }
        }
    }
}
