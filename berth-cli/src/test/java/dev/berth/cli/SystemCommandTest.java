package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.store.BlobInfo;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCommandTest {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @TempDir
    Path root;

    private BlobInfo layer;
    private BlobInfo orphan;
    private BlobInfo dangling;

    @BeforeEach
    void storeWithADanglingImageAndAnOrphan() throws IOException {
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            layer = put(store, "x".repeat(1500));
            dangling = put(store, "{\"layers\":[{\"digest\":\"" + layer.digest() + "\"}]}");
            orphan = put(store, "y".repeat(500));
            store.images().addUntagged(new IndexDescriptor(MANIFEST, dangling.digest(), dangling.size()));
        }
    }

    @Test
    void dfShowsBytesPerCategory() {
        assertThat(run("system", "df", "--root", root.toString())).isEqualTo("""
                TYPE         TOTAL    SIZE       RECLAIMABLE
                Blobs        3        2.097kB    2.097kB (100%)
                Unfinished            0B
                Containers            0B
                Build cache           0B
                Snapshots             0B
                """);
    }

    @Test
    void pruneRemovesDanglingImagesButKeepsOrphansWithoutAll() {
        String output = run("system", "prune", "--root", root.toString());

        assertThat(output).isEqualTo("untagged: " + dangling.digest() + "\n"
                + deleted(dangling, layer) + "Total reclaimed space: 1.597kB\n");
        assertThat(dangling.size() + layer.size()).isEqualTo(1597);
        assertThat(run("system", "prune", "--all", "--root", root.toString()))
                .isEqualTo("deleted: " + orphan.digest() + "\nTotal reclaimed space: 500B\n");
    }

    /** Deleted blobs are listed in digest order. */
    private static String deleted(BlobInfo... blobs) {
        return Arrays.stream(blobs).map(BlobInfo::digest).sorted()
                .map(digest -> "deleted: " + digest + "\n").collect(Collectors.joining());
    }

    private static String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isZero();
        return run.out();
    }

    private static BlobInfo put(LocalStore store, String text) throws IOException {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(text.getBytes(StandardCharsets.UTF_8));
            return ingester.commit(Optional.of(Digest.sha256(text.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
