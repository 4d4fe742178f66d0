package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileContentStoreTest extends ContentStoreConformance {

    @TempDir
    Path root;

    private LocalStore local;

    @Override
    ContentStore newStore() {
        local = LocalStore.open(new StoreLayout(root));
        return local.content();
    }

    @Override
    void assertNoUnfinishedWrites() throws IOException {
        try (var files = Files.list(root.resolve("ingest"))) {
            assertThat(files).isEmpty();
        }
    }

    @AfterEach
    void closeStore() {
        local.close();
    }

    @Test
    void blobLivesAtItsOciLayoutPath() throws IOException {
        try (Ingester ingester = local.content().ingest()) {
            ingester.stream().write("hello".getBytes(StandardCharsets.UTF_8));
            ingester.commit(Optional.of(HELLO));
        }

        assertThat(root.resolve("blobs/sha256/" + HELLO.hex())).hasContent("hello");
    }

    @Test
    void filesThatAreNotDigestsAreNotListed() throws IOException {
        Files.writeString(root.resolve("blobs/sha256/README"), "not a blob");
        Files.writeString(root.resolve("blobs/sha256/" + "0".repeat(64)), "named like one");

        assertThat(local.content().list()).containsExactly(
                new BlobInfo(Digest.parse("sha256:" + "0".repeat(64)), 14));
    }

    @Test
    void failureToStartAWriteNamesTheFile() throws IOException {
        Files.delete(root.resolve("ingest"));

        assertThatThrownBy(() -> local.content().ingest())
                .isInstanceOf(StoreException.class)
                .hasMessageMatching("creating " + Pattern.quote(root.resolve("ingest").toString())
                        + "/\\d+-\\d+-[0-9a-f]{16}\\.blob: No such file or directory")
                .hasCauseInstanceOf(IOException.class);
        // The collect lock taken for the write was given back: a collection can run.
        Files.createDirectory(root.resolve("ingest"));
        local.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of());
    }

    @Test
    void reopeningRecreatesMissingDirectories() throws IOException {
        Files.delete(root.resolve("ingest"));
        local.close(); // one LocalStore per root per process

        local = LocalStore.open(new StoreLayout(root));
        assertThat(root.resolve("ingest")).isDirectory();
    }

    @Test
    void unfinishedWriteIsInIngestUntilCommit() throws IOException {
        try (Ingester ingester = local.content().ingest()) {
            ingester.stream().write(new byte[100_000]);
            try (var files = Files.list(root.resolve("ingest"))) {
                assertThat(files).singleElement()
                        .satisfies(file -> assertThat(file.getFileName().toString())
                                .startsWith(ProcessHandle.current().pid() + "-").endsWith(".blob"));
            }
        }
        assertNoUnfinishedWrites();
    }

    /**
     * Large blobs go to disk partly with O_DIRECT (whole aligned chunks) and partly through the page cache
     * (the tail; everything on a file system that refuses O_DIRECT, as tmpfs did before Linux 6.6): the
     * bytes and digest must not show it.
     */
    @ParameterizedTest(name = "{0} bytes on {1}")
    @MethodSource("largeBlobs")
    void largeBlobsAreStoredByteForByte(int size, String fileSystem) throws IOException {
        byte[] content = new byte[size];
        new SplittableRandom(size).nextBytes(content);
        Path storeRoot = root;
        if (fileSystem.equals("tmpfs")) {
            Path shm = Path.of("/dev/shm");
            assumeTrue(Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs"), "no tmpfs at /dev/shm");
            local.close();
            storeRoot = Files.createTempDirectory(shm, "berth-store-test");
            local = LocalStore.open(new StoreLayout(storeRoot));
        }
        try {
            Digest digest;
            try (Ingester ingester = local.content().ingest()) {
                // Odd pieces: the pipe regroups them into chunks, the last one unaligned.
                for (int off = 0; off < size; off += 70_001) {
                    ingester.stream().write(content, off, Math.min(70_001, size - off));
                }
                digest = ingester.commit(Optional.of(Digest.sha256(content))).digest();
            }
            assertThat(Files.readAllBytes(storeRoot.resolve("blobs/sha256/" + digest.hex()))).isEqualTo(content);
        } finally {
            if (!storeRoot.equals(root)) {
                local.close();
                try (var files = Files.walk(storeRoot)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
                local = LocalStore.open(new StoreLayout(root));
            }
        }
    }

    static Stream<Arguments> largeBlobs() {
        return Stream.of("disk", "tmpfs").flatMap(fileSystem -> Stream.of((1 << 20) - 1, 1 << 20, (3 << 20) + 4096,
                (5 << 20) + 123).map(size -> Arguments.of(size, fileSystem)));
    }
}
