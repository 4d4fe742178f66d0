package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link ContentStore} keeps; one subclass per implementation. */
abstract class ContentStoreConformance {

    static final Digest HELLO = Digest.parse("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    static final Digest EMPTY = Digest.parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private ContentStore store;

    /** A fresh, empty store. */
    abstract ContentStore newStore() throws IOException;

    /** Asserts no temporary state is left behind (files in {@code ingest/} for the real store). */
    abstract void assertNoUnfinishedWrites() throws IOException;

    @BeforeEach
    void createStore() throws IOException {
        store = newStore();
    }

    @Test
    void committedBlobIsReadableByItsDigest() throws IOException {
        BlobInfo info = write("hello", Optional.of(HELLO));

        assertThat(info).isEqualTo(new BlobInfo(HELLO, 5));
        assertThat(store.info(HELLO)).contains(new BlobInfo(HELLO, 5));
        assertThat(read(HELLO)).isEqualTo("hello");
        assertNoUnfinishedWrites();
    }

    @Test
    void commitWithoutExpectedDigestComputesSha256() throws IOException {
        assertThat(write("hello", Optional.empty())).isEqualTo(new BlobInfo(HELLO, 5));
    }

    @Test
    void emptyBlobIsABlob() throws IOException {
        assertThat(write("", Optional.of(EMPTY))).isEqualTo(new BlobInfo(EMPTY, 0));
        assertThat(read(EMPTY)).isEmpty();
    }

    @Test
    void wrongDigestIsAnErrorNamingBothAndKeepsNothing() throws IOException {
        assertThatThrownBy(() -> write("hello", Optional.of(EMPTY)))
                .isInstanceOf(StoreException.class)
                .hasMessage("committing blob: expected " + EMPTY + " but the 5 bytes written have digest " + HELLO
                        + "; nothing was kept");

        assertThat(store.info(HELLO)).isEmpty();
        assertThat(store.info(EMPTY)).isEmpty();
        assertThat(store.list()).isEmpty();
        assertNoUnfinishedWrites();
    }

    @Test
    void sha512ExpectedDigestIsVerifiedInItsOwnAlgorithm() throws Exception {
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        Digest sha512 = new Digest("sha512", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)));

        assertThat(write("hello", Optional.of(sha512))).isEqualTo(new BlobInfo(sha512, 5));
        assertThat(read(sha512)).isEqualTo("hello");
    }

    @Test
    void sameContentTwiceIsStoredOnce() throws IOException {
        write("hello", Optional.of(HELLO));
        write("hello", Optional.empty());

        assertThat(store.list()).containsExactly(new BlobInfo(HELLO, 5));
        assertNoUnfinishedWrites();
    }

    @Test
    void closingWithoutCommitDiscards() throws IOException {
        try (Ingester ingester = store.ingest()) {
            ingester.stream().write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(store.list()).isEmpty();
        assertNoUnfinishedWrites();
    }

    @Test
    void secondCommitIsRefused() throws IOException {
        try (Ingester ingester = store.ingest()) {
            ingester.stream().write("hello".getBytes(StandardCharsets.UTF_8));
            ingester.commit(Optional.of(HELLO));

            assertThatThrownBy(() -> ingester.commit(Optional.of(HELLO))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ingester.stream().write(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void missingBlobIsNotFound() {
        assertThat(store.info(HELLO)).isEmpty();
        assertThatThrownBy(() -> store.open(HELLO))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("blob " + HELLO + " not found in ");
    }

    @Test
    void deleteRemovesOnce() throws IOException {
        write("hello", Optional.of(HELLO));

        assertThat(store.delete(HELLO)).isTrue();
        assertThat(store.delete(HELLO)).isFalse();
        assertThat(store.info(HELLO)).isEmpty();
    }

    @Test
    void listIsOrderedByDigest() throws IOException {
        write("hello", Optional.empty());
        write("", Optional.empty());

        assertThat(store.list()).containsExactly(new BlobInfo(HELLO, 5), new BlobInfo(EMPTY, 0));
    }

    @Test
    void largeBlobStreamsThrough() throws IOException {
        byte[] chunk = new byte[1 << 16];
        MessageDigest expected = Digest.newSha256();
        try (Ingester ingester = store.ingest()) {
            for (int i = 0; i < 64; i++) {
                chunk[0] = (byte) i;
                ingester.stream().write(chunk);
                expected.update(chunk);
            }
            Digest digest = Digest.sha256(expected);
            assertThat(ingester.commit(Optional.of(digest))).isEqualTo(new BlobInfo(digest, 64L << 16));
        }
    }

    @Test
    void concurrentWritersOfManyBlobsAllSucceed() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BlobInfo>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String text = "blob " + (i % 8);
                results.add(threads.submit(() -> write(text, Optional.of(Digest.sha256(text.getBytes(StandardCharsets.UTF_8))))));
            }
            for (Future<BlobInfo> result : results) {
                result.get();
            }
        }
        assertThat(store.list()).hasSize(8);
        for (BlobInfo blob : store.list()) {
            assertThat(Digest.sha256(read(blob.digest()).getBytes(StandardCharsets.UTF_8))).isEqualTo(blob.digest());
        }
        assertNoUnfinishedWrites();
    }

    private BlobInfo write(String text, Optional<Digest> expected) throws IOException {
        try (Ingester ingester = store.ingest()) {
            ingester.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return ingester.commit(expected);
        }
    }

    private String read(Digest digest) throws IOException {
        try (InputStream in = store.open(digest)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
