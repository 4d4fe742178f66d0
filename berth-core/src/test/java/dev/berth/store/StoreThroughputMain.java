package dev.berth.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures the store for docs/benchmarks.md: one large blob ingested (written, synced, verified,
 * renamed), many small blobs, and tags (each a locked, synced rewrite of index.json).
 * Arguments: scratch directory, large blob size in MiB, small blob count, tag count.
 */
public final class StoreThroughputMain {

    private StoreThroughputMain() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory(Path.of(args[0]), "berth-store-bench");
        int mebibytes = Integer.parseInt(args[1]);
        int smallBlobs = Integer.parseInt(args[2]);
        int tags = Integer.parseInt(args[3]);
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            long start = System.nanoTime();
            try (Ingester ingester = store.content().ingest()) {
                OutputStream out = ingester.stream();
                for (int i = 0; i < mebibytes; i++) {
                    chunk[0] = (byte) i;
                    out.write(chunk);
                }
                ingester.commit(Optional.empty());
            }
            report("large blob ingest", mebibytes, "MiB", start);

            start = System.nanoTime();
            BlobInfo last = null;
            for (int i = 0; i < smallBlobs; i++) {
                try (Ingester ingester = store.content().ingest()) {
                    ingester.stream().write(("small blob " + i).getBytes());
                    last = ingester.commit(Optional.empty());
                }
            }
            report("small blob ingest", smallBlobs, "blobs", start);

            start = System.nanoTime();
            for (int i = 0; i < tags; i++) {
                store.images().tag("example.com/bench:" + i, new IndexDescriptor(OciLayoutTest.MANIFEST, last.digest(), last.size()));
            }
            report("tag (index.json rewrite)", tags, "tags", start);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void report(String what, long amount, String unit, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %d %s in %.2f s = %.1f %s/s%n", what, amount, unit, seconds, amount / seconds, unit);
    }
}
