package dev.berth.bench;

import dev.berth.image.Compression;
import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.LayerWriter;
import dev.berth.layer.TreeRemover;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Berth's layer operations against the same work done by tar, pigz, zstd and openssl on the same
 * generated tree, alternating runs so that load on the machine hits both sides alike. Prints the
 * median wall time of each and the ratio. Usage: {@code LayerComparison [megabytes] [runs] [ops]}, ops
 * a comma-separated subset of {@code none,store,gzip,zstd,extract} (default all). {@code store} is the
 * uncompressed write as a build makes it: into the content store, which hashes, writes (large blobs with
 * {@code O_DIRECT}) and syncs the blob before publishing it; the baseline neither syncs nor verifies.
 */
public final class LayerComparison {

    private interface Action {
        void run() throws Exception;
    }

    private LayerComparison() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> ops = List.of((args.length > 2 ? args[2] : "none,store,gzip,zstd,extract").split(","));
        Path work = Files.createTempDirectory(Path.of("/tmp"), "berth-compare-layer");
        try {
            Path tree = Files.createDirectory(work.resolve("tree"));
            LayerBenchmark.MixedTree.generate(tree, (long) megabytes << 20);
            Path out = work.resolve("out");
            Path layer = work.resolve("layer.tar");
            writeLayer(tree, layer, Compression.NONE);
            Path target = work.resolve("target");
            System.out.printf("data: %d MiB in %s, %d entries, layer %d bytes, load average %s%n", megabytes, tree,
                    DirectoryEntries.of(tree).size(), Files.size(layer), Files.readString(Path.of("/proc/loadavg")).strip());
            // Untimed before each run of either side: without it each run first truncated the previous
            // run's 1 GiB output, at a cost that depends on how much of it the kernel had written back.
            Action freshOutput = () -> {
                Files.deleteIfExists(out);
                shell("sync");
            };
            if (ops.contains("none")) compare("write+hash uncompressed", runs, megabytes, freshOutput,
                    () -> writeLayer(tree, out, Compression.NONE),
                    "tar -cf - -C " + tree + " . | tee " + out + " | openssl dgst -sha256 >/dev/null");
            if (ops.contains("store")) {
                Path storeRoot = work.resolve("store");
                compare("write+hash into the store", runs, megabytes, () -> {
                            if (Files.exists(storeRoot)) {
                                TreeRemover.delete(storeRoot);
                            }
                            freshOutput.run();
                        },
                        () -> {
                            try (LocalStore store = LocalStore.open(new StoreLayout(storeRoot));
                                    Ingester ingester = store.content().ingest()) {
                                LayerWriter.of(Compression.NONE, Optional.empty())
                                        .writeUnhashedTar(DirectoryEntries.iterate(tree), ingester.stream());
                                ingester.commit(Optional.empty());
                            }
                        },
                        "tar -cf - -C " + tree + " . | tee " + out + " | openssl dgst -sha256 >/dev/null");
            }
            if (ops.contains("gzip")) compare("write gzip -6", runs, megabytes, freshOutput,
                    () -> writeLayer(tree, out, Compression.GZIP),
                    "tar -cf - -C " + tree + " . | pigz -6 > " + out);
            if (ops.contains("zstd")) compare("write zstd -3", runs, megabytes, freshOutput,
                    () -> writeLayer(tree, out, Compression.ZSTD),
                    "tar -cf - -C " + tree + " . | zstd -3 -T0 -q -c > " + out);
            if (ops.contains("extract")) compare("extract uncompressed", runs, megabytes, () -> {
                        if (Files.exists(target)) {
                            TreeRemover.delete(target);
                        }
                        Files.createDirectory(target);
                        shell("sync");
                    },
                    () -> {
                        try (InputStream in = Files.newInputStream(layer)) {
                            new LayerExtractor(ExtractOptions.defaults(true)).extract("bench", in, target);
                        }
                    },
                    "tar -xf " + layer + " -C " + target);
        } finally {
            TreeRemover.delete(work);
        }
    }

    private static void writeLayer(Path tree, Path file, Compression compression) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            LayerWriter.of(compression, Optional.empty()).write(DirectoryEntries.iterate(tree), out);
        }
    }

    private static void compare(String name, int runs, int megabytes, Action before, Action berth, String command)
            throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ours.add(time(before, berth));
            theirs.add(time(before, () -> shell(command)));
        }
        double a = median(ours);
        double b = median(theirs);
        System.out.printf("%-26s berth %7.2f s (%6.1f MiB/s)   baseline %7.2f s (%6.1f MiB/s)   ratio %.2f   runs %s / %s   load %s   [%s]%n",
                name, a, megabytes / a, b, megabytes / b, a / b, seconds(ours), seconds(theirs),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], command);
    }

    private static double time(Action before, Action action) throws Exception {
        if (before != null) {
            before.run();
        }
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + command);
        }
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).collect(java.util.stream.Collectors.joining(","));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
