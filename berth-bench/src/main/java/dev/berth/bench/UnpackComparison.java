package dev.berth.bench;

import dev.berth.image.Digest;
import dev.berth.layer.TreeRemover;
import dev.berth.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Unpacking one layer into an overlay snapshot, as the first RUN or container on an image does it
 * ({@code OverlaySnapshotter.unpack}: whiteouts kept in overlay form, owners, modes, xattrs, times), against
 * {@code tar -xf} of the same tar into the same file system, alternating run by run so that load on the
 * machine falls on both alike. Prints every run and the medians; the first Berth run is the one a
 * {@code berth import} pays (code not yet compiled), so it is shown apart. Each run unpacks into a
 * directory of its own, all removed at the end: deleting between runs would make the next run's inode
 * allocations on ext4 scan the recently deleted ones, which costs more than the work measured.
 *
 * <p>Usage (root): {@code UnpackComparison LAYER.tar WORKDIR [runs]}, e.g. a
 * {@code mmdebstrap --format=tar --variant=minbase bookworm} tarball and a directory on tmpfs or disk.
 */
public final class UnpackComparison {

    private UnpackComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path layer = Path.of(args[0]);
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(args[1])), "berth-unpack-compare");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Digest diffId = sha256(layer);
        List<Long> berth = new ArrayList<>();
        List<Long> tar = new ArrayList<>();
        List<Long> berthCpu = new ArrayList<>();
        List<Long> tarCpu = new ArrayList<>();
        try {
            System.out.printf("layer %s (%d bytes, %s) into %s, load average %s%n", layer, Files.size(layer), diffId,
                    work, Files.readString(Path.of("/proc/loadavg")).strip());
            for (int run = 0; run <= runs; run++) {
                sync();
                long cpu0 = ownCpuMillis();
                long b = time(() -> unpack(layer, diffId, work.resolve("berth-" + System.nanoTime())));
                long bc = ownCpuMillis() - cpu0;
                sync();
                long child0 = childrenCpuMillis();
                long t = time(() -> untar(layer, Files.createDirectory(work.resolve("tar-" + System.nanoTime()))));
                long tc = childrenCpuMillis() - child0;
                System.out.printf("run %d: berth %d ms (cpu %d ms), tar -x %d ms (cpu %d ms)%n", run, b, bc, t, tc);
                if (run > 0) {
                    berth.add(b);
                    tar.add(t);
                    berthCpu.add(bc);
                    tarCpu.add(tc);
                }
            }
            long mb = median(berth);
            long mt = median(tar);
            System.out.printf("median of %d (run 0, the cold one, left out): berth %d ms (cpu %d ms), tar -x %d ms (cpu %d ms),"
                    + " ratio %.2f%n", runs, mb, median(berthCpu), mt, median(tarCpu), (double) mb / mt);
        } finally {
            TreeRemover.delete(work);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void unpack(Path layer, Digest diffId, Path snapshots) throws IOException {
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(snapshots);
        try (InputStream in = Files.newInputStream(layer)) {
            snapshotter.unpack(diffId, Optional.empty(), diffId.toString(), in);
        }
    }

    private static void untar(Path layer, Path target) throws Exception {
        Process process = new ProcessBuilder("tar", "-xf", layer.toString(), "-C", target.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("tar -x failed");
        }
    }

    private static void sync() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** CPU time of this whole process (every thread: the JIT's and the collector's too). */
    private static long ownCpuMillis() throws IOException {
        return statTicks(14) * 10;
    }

    /** CPU time of the children waited for, from {@code /proc/self/stat} ({@code cutime + cstime}). */
    private static long childrenCpuMillis() throws IOException {
        return statTicks(16) * 10;
    }

    /** Fields {@code field} and {@code field + 1} of {@code /proc/self/stat} (numbered from 1 as proc(5) does), added, in ticks of 10 ms. */
    private static long statTicks(int field) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Field 3 comes right after the command's closing parenthesis (the command may hold spaces).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[field - 3]) + Long.parseLong(fields[field - 2]);
    }

    private static Digest sha256(Path file) throws IOException {
        MessageDigest sha256 = Digest.newSha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
            }
        }
        return Digest.sha256(sha256);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
