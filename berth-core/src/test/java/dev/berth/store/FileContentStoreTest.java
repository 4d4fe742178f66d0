package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        local.collector().collect(GarbageCollector.Mode.ALL_UNUSED, Set.of());
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
}
