package dev.berth.store;

import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link ContentStore} held in memory, for tests of the packages that use a store. Same contract as
 * {@link FileContentStore} (the shared conformance suite checks both), blobs kept as byte arrays.
 */
public final class InMemoryContentStore implements ContentStore {

    private final Map<Digest, byte[]> blobs = new ConcurrentSkipListMap<>();

    @Override
    public Optional<BlobInfo> info(Digest digest) {
        return Optional.ofNullable(blobs.get(digest)).map(bytes -> new BlobInfo(digest, bytes.length));
    }

    @Override
    public InputStream open(Digest digest) {
        byte[] bytes = blobs.get(digest);
        if (bytes == null) {
            throw new NotFoundException("blob " + digest + " not found in memory store");
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public Ingester ingest() {
        return new MemoryIngester();
    }

    @Override
    public boolean delete(Digest digest) {
        return blobs.remove(digest) != null;
    }

    @Override
    public List<BlobInfo> list() {
        return blobs.entrySet().stream().map(entry -> new BlobInfo(entry.getKey(), entry.getValue().length)).toList();
    }

    private final class MemoryIngester implements Ingester {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private boolean finished;

        @Override
        public OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    if (finished) {
                        throw new IllegalStateException("blob was already committed or discarded");
                    }
                    buffer.write(bytes, offset, length);
                }
            };
        }

        @Override
        public BlobInfo commit(Optional<Digest> expected) {
            if (finished) {
                throw new IllegalStateException("blob was already committed or discarded");
            }
            finished = true;
            byte[] bytes = buffer.toByteArray();
            MessageDigest hash = expected.map(Digest::newMessageDigest).orElseGet(Digest::newSha256);
            Digest actual = new Digest(expected.map(Digest::algorithm).orElse("sha256"),
                    HexFormat.of().formatHex(hash.digest(bytes)));
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw new StoreException("committing blob: expected " + expected.get() + " but the " + bytes.length
                        + " bytes written have digest " + actual + "; nothing was kept");
            }
            blobs.putIfAbsent(actual, bytes);
            return new BlobInfo(actual, bytes.length);
        }

        @Override
        public void close() {
            finished = true;
        }
    }
}
