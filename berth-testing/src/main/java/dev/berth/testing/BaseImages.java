package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Root filesystem tarballs made from Debian packages, since tests have no Docker Hub: built once per machine and
 * cached under {@code /var/tmp/berth-test-images/} (or the {@value #CACHE_PROPERTY} property), in a directory named
 * for what they were made from. Building happens in a temporary directory and is renamed into place under a file
 * lock, so concurrent test JVMs build each image once and never see half a tarball.
 */
public final class BaseImages {

    /** System property overriding the cache directory. */
    public static final String CACHE_PROPERTY = "berth.test.images.cache";
    /** Debian release the minbase image is made of. */
    public static final String DEBIAN_SUITE = "bookworm";

    private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(10);

    private final Path cache;

    public BaseImages(Path cache) {
        this.cache = cache;
    }

    /** The images in the machine-wide cache. */
    public static BaseImages standard() {
        return new BaseImages(Path.of(System.getProperty(CACHE_PROPERTY, "/var/tmp/berth-test-images")));
    }

    /**
     * A tarball of a busybox root filesystem: {@code /bin/busybox} from Debian's busybox-static with a relative
     * symlink per applet ({@code /bin/sh}, {@code /bin/ls}, {@code /usr/bin/id}, ... where {@code busybox --list-full} puts them),
     * {@code /etc/passwd} and {@code /etc/group} with root and nobody (65534), and {@code /tmp}, {@code /root},
     * {@code /proc}, {@code /sys}, {@code /dev} mount points. Entries are owned by 0:0 and dated 2026-01-01.
     */
    public Path busyboxRootfs() {
        BusyboxPackage busybox = BusyboxPackage.locate(cache);
        return cached("busybox-static-" + sanitize(busybox.version()) + "-" + BusyboxRootfs.LAYOUT, work -> new BusyboxRootfs(busybox).writeTo(work));
    }

    /**
     * A tarball of a Debian {@value #DEBIAN_SUITE} minbase root filesystem made by
     * {@code mmdebstrap --variant=minbase} from Debian's mirror (about 20 s and 170 MB here). To refresh it, delete
     * its directory in the cache.
     */
    public Path debianRootfs() {
        return cached("debian-" + DEBIAN_SUITE + "-minbase", work -> {
            Path tarball = work.resolve("rootfs.tar");
            HostCommand.of("mmdebstrap", "--quiet", "--variant=minbase", DEBIAN_SUITE, tarball.toString())
                    .withTimeout(DEBOOTSTRAP_TIMEOUT).run().orThrow();
        });
    }

    /**
     * The {@code .deb} of a Debian package, as {@code apt-get download} fetches it (the host's apt sources, so
     * {@value #DEBIAN_SUITE}'s on this project's machines), kept in the cache's {@code debs/NAME/}.
     */
    public Path debianPackage(String name) {
        Path directory = cache.resolve("debs").resolve(name);
        try {
            Optional<Path> cached = deb(directory, name);
            if (cached.isPresent()) {
                return cached.get();
            }
            Path work = Files.createDirectories(cache.resolve("debs")).resolve(".download-" + name + "-" + ProcessHandle.current().pid());
            Files.createDirectories(work);
            try {
                HostCommand.of("apt-get", "download", name).inDirectory(work).run().orThrow();
                Path deb = deb(work, name).orElseThrow(() -> new IllegalStateException("apt-get download left no " + name + " .deb"));
                Files.createDirectories(directory);
                Files.move(deb, directory.resolve(deb.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(work);
            }
            return deb(directory, name).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("downloading the Debian package " + name + " into " + cache, e);
        }
    }

    private static Optional<Path> deb(Path directory, String name) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + "_")
                    && p.getFileName().toString().endsWith(".deb")).max(Path::compareTo);
        }
    }

    /** Returns {@code <cache>/<key>/rootfs.tar}, calling {@code build} to write it into a work directory first. */
    private Path cached(String key, Consumer<Path> build) {
        Path target = cache.resolve(key).resolve("rootfs.tar");
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            try (var lockFile = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = lockFile.lock()) {
                if (Files.isRegularFile(target)) {
                    return target;
                }
                Path work = Files.createTempDirectory(cache, ".build-" + key + "-");
                try {
                    build.accept(work);
                    Files.move(work.resolve("rootfs.tar"), target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteRecursively(work);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("building base image " + key + " in " + cache, e);
        }
    }

    private static String sanitize(String version) {
        return version.replaceAll("[^A-Za-z0-9.+-]", "_");
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
