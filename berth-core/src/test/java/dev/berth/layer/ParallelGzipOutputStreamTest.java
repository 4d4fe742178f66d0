package dev.berth.layer;

import dev.berth.image.Compression;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pigz-style writer produces one valid gzip member that gzip, tar and the JDK all accept. */
class ParallelGzipOutputStreamTest {

    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 7 * BLOCK / 2, 10 * BLOCK})
    void roundTripsThroughTheJdkAndGzip(int length) throws Exception {
        byte[] input = mixed(length);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(gz, 6, 2, BLOCK)) {
            // odd write sizes so that blocks are cut in the middle of writes
            for (int off = 0; off < input.length; off += 1000) {
                out.write(input, off, Math.min(1000, input.length - off));
            }
        }

        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes()).isEqualTo(input);
        Path file = temp.resolve("data.gz");
        Files.write(file, gz.toByteArray());
        Process gzip = new ProcessBuilder("gzip", "-t", file.toString()).redirectErrorStream(true).start();
        assertThat(new String(gzip.getInputStream().readAllBytes())).isEmpty();
        assertThat(gzip.waitFor()).isZero();
    }

    @Test
    void outputDoesNotDependOnTheThreadCount() throws Exception {
        byte[] input = mixed(9 * BLOCK + 123);
        assertThat(compress(input, 1)).isEqualTo(compress(input, 2)).isEqualTo(compress(input, 5));
    }

    @Test
    void compressesAboutAsWellAsSerialGzip() throws Exception {
        byte[] input = mixed(2 << 20);
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(serial)) {
            out.write(input);
        }
        assertThat((double) compress(input, 2).length).isLessThan(serial.size() * 1.02);
    }

    @Test
    void gzipLayerIsListedByTar() throws Exception {
        Instant t = Instant.parse("2021-01-01T00:00:00Z");
        List<LayerEntry> entries = List.of(
                LayerEntry.directory("d", 0755, t),
                LayerEntry.file("d/big", 0644, t, mixed(600_000)),
                LayerEntry.symlink("d/link", "big", t),
                LayerEntry.file("d/" + "x".repeat(200), 0600, t, new byte[] {1}));
        Path blob = temp.resolve("layer.tar.gz");
        try (var out = Files.newOutputStream(blob)) {
            LayerWriter.of(Compression.GZIP, Optional.empty()).write(entries, out);
        }

        Process tar = new ProcessBuilder("tar", "-tzvf", blob.toString()).redirectErrorStream(true).start();
        List<String> listing = new String(tar.getInputStream().readAllBytes()).lines()
                .map(line -> line.replaceAll(" +", " ")).toList();
        assertThat(tar.waitFor()).isZero();
        assertThat(listing).containsExactly(
                "drwxr-xr-x 0/0 0 2021-01-01 00:00 d/",
                "-rw-r--r-- 0/0 600000 2021-01-01 00:00 d/big",
                "lrwxrwxrwx 0/0 0 2021-01-01 00:00 d/link -> big",
                "-rw------- 0/0 1 2021-01-01 00:00 d/" + "x".repeat(200));
    }

    private static byte[] compress(byte[] input, int threads) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(gz, 6, threads, BLOCK)) {
            out.write(input);
        }
        return gz.toByteArray();
    }

    /** Half text-like (compressible), half random, so both deflate paths are exercised. */
    static byte[] mixed(int length) {
        byte[] bytes = new byte[length];
        Random random = new Random(length);
        for (int i = 0; i < length; i++) {
            bytes[i] = (i / 4096) % 2 == 0 ? (byte) ("the quick brown fox ".charAt(i % 20) + (i % 7 == 0 ? 1 : 0))
                    : (byte) random.nextInt();
        }
        return bytes;
    }
}
