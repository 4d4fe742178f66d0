package dev.berth.store;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
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
 * {@code blobs/<alg>/<hex>}, sync the directory. Holds the store's collect lock shared from start to
 * end so the garbage collector never runs in the middle of a write.
 */
final class FileIngester implements Ingester {

    private final StoreLayout layout;
    private final Path temp;
    private final FileChannel channel;
    private final StoreLock.Held collectGuard;
    private final MessageDigest sha256 = Digest.newSha256();
    private final OutputStream buffered;
    private final OutputStream stream = new UnfinishedStream();
    private long size;
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
        this.buffered = new BufferedOutputStream(new HashingStream(), 1 << 16);
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
        try {
            buffered.flush();
            channel.force(true);
            channel.close();
            Digest actual = digestIn(expected);
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new StoreException("committing blob: expected " + expected.get() + " but the " + size
                        + " bytes written have digest " + actual + "; nothing was kept");
            }
            Path target = layout.blob(actual);
            if (!Files.exists(target)) {
                DurableFiles.createDirectory(target.getParent());
                DurableFiles.publish(temp, target);
            }
            return new BlobInfo(actual, size);
        } catch (IOException e) {
            throw new StoreException("committing blob from " + temp + ": " + FailureReason.of(e), e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new StoreException("removing unfinished blob " + temp + ": " + FailureReason.of(e), e);
        } finally {
            collectGuard.close();
        }
    }

    private Digest digestIn(Optional<Digest> expected) throws IOException {
        if (expected.isEmpty() || expected.get().algorithm().equals("sha256")) {
            return Digest.sha256(sha256);
        }
        // Rare (sha512 content): hash the synced file again rather than every write twice.
        MessageDigest other = expected.get().newMessageDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(temp), other)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Digest(expected.get().algorithm(), HexFormat.of().formatHex(other.digest()));
    }

    /** Refuses writes once the blob is committed or discarded. */
    private final class UnfinishedStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            requireUnfinished();
            buffered.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            requireUnfinished();
            buffered.write(bytes, offset, length);
        }

        private void requireUnfinished() {
            if (finished) {
                throw new IllegalStateException("blob in " + temp + " was already committed or discarded");
            }
        }
    }

    /** Counts and hashes what reaches the file, and names the file when the disk refuses a write. */
    private final class HashingStream extends OutputStream {
        private final OutputStream file = Channels.newOutputStream(channel);

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                file.write(bytes, offset, length);
            } catch (IOException e) {
                throw new StoreException("writing blob to " + temp + ": " + FailureReason.of(e), e);
            }
            sha256.update(bytes, offset, length);
            size += length;
        }
    }
}
