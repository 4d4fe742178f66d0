package dev.berth.bench;

import dev.berth.image.Compression;
import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerDigests;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.LayerWriter;
import dev.berth.layer.TreeRemover;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Layer write and extract throughput on a generated tree of mixed files (text-like and random, small
 * and large) totalling {@code megabytes}, kept under {@code /tmp} and deleted afterwards. Each
 * operation handles the whole tree once; divide the size by the time for MB/s. The shell commands it is
 * compared with are in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class LayerBenchmark {

    @Param("1024")
    public int megabytes;

    private Path work;
    private Path tree;
    private Path layer;
    private Path output;
    private Path target;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        work = Files.createTempDirectory(Path.of("/tmp"), "berth-bench-layer");
        tree = Files.createDirectory(work.resolve("tree"));
        MixedTree.generate(tree, (long) megabytes << 20);
        layer = work.resolve("layer.tar");
        output = work.resolve("out.blob");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(layer), 1 << 16)) {
            LayerWriter.of(Compression.NONE, Optional.empty()).write(DirectoryEntries.iterate(tree), out);
        }
    }

    @Setup(Level.Iteration)
    public void freshTarget() throws IOException {
        target = work.resolve("target");
        if (Files.exists(target)) {
            TreeRemover.delete(target);
        }
        Files.createDirectory(target);
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        TreeRemover.delete(work);
    }

    @Benchmark
    public LayerDigests writeUncompressed() throws IOException {
        return write(Compression.NONE);
    }

    @Benchmark
    public LayerDigests writeGzip() throws IOException {
        return write(Compression.GZIP);
    }

    @Benchmark
    public LayerDigests writeZstd() throws IOException {
        return write(Compression.ZSTD);
    }

    @Benchmark
    public Object extractUncompressed() throws IOException {
        try (InputStream in = Files.newInputStream(layer)) {
            return new LayerExtractor(ExtractOptions.defaults(true)).extract("bench", in, target);
        }
    }

    private LayerDigests write(Compression compression) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            return LayerWriter.of(compression, Optional.empty()).write(DirectoryEntries.iterate(tree), out);
        }
    }

    /** The benchmark's data: a fixed-seed tree of source-like text, random bytes, small and large files. */
    static final class MixedTree {

        private static final String WORDS = "public static final class layer digest stream return import void int "
                + "the of and to in is for on with as by if else while { } ( ) ; = + - \n";

        static void generate(Path root, long total) throws IOException {
            SplittableRandom random = new SplittableRandom(42);
            long written = 0;
            int index = 0;
            while (written < total) {
                Path dir = root.resolve("d" + (index % 64)).resolve("s" + (index % 7));
                Files.createDirectories(dir);
                // 1 in 200 files is large (16-48 MiB); the rest are 1-64 KiB, as in an OS or app layer.
                long size = random.nextInt(200) == 0 ? (16L << 20) + random.nextInt(32 << 20) : 1024 + random.nextInt(64 << 10);
                size = Math.min(size, total - written);
                boolean text = random.nextInt(100) < 60;
                Path file = dir.resolve("f" + index + (text ? ".txt" : ".bin"));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    byte[] chunk = new byte[64 << 10];
                    for (long left = size; left > 0; left -= chunk.length) {
                        int n = (int) Math.min(chunk.length, left);
                        fill(chunk, n, text, random);
                        out.write(chunk, 0, n);
                    }
                }
                written += size;
                index++;
            }
        }

        private static void fill(byte[] chunk, int n, boolean text, SplittableRandom random) {
            if (!text) {
                for (int i = 0; i < n; i += 8) {
                    long r = random.nextLong();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        chunk[i + j] = (byte) (r >>> (8 * j));
                    }
                }
                return;
            }
            int i = 0;
            while (i < n) {
                int start = random.nextInt(WORDS.length() - 8);
                int len = 2 + random.nextInt(6);
                for (int j = 0; j < len && i < n; j++) {
                    chunk[i++] = (byte) WORDS.charAt(start + j);
                }
            }
        }
    }
}
