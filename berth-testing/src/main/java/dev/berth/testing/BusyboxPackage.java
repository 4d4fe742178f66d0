package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's busybox-static: the installed package if there is one (no network needed), else a {@code .deb}
 * fetched with {@code apt-get download} and unpacked with {@code dpkg-deb -x}.
 *
 * @param version the Debian package version, which keys the cache
 * @param binary  the static busybox executable
 */
record BusyboxPackage(String version, Path binary) {

    private static final String PACKAGE = "busybox-static";

    static BusyboxPackage locate(Path cache) {
        CommandResult installed = HostCommand.of("dpkg-query", "-W", "-f=${Status}\t${Version}", PACKAGE).run();
        if (installed.succeeded() && installed.stdout().startsWith("install ok installed\t")) {
            Path binary = Path.of("/bin/busybox");
            if (Files.isExecutable(binary)) {
                return new BusyboxPackage(installed.stdout().substring(installed.stdout().indexOf('\t') + 1).strip(), binary);
            }
        }
        return download(cache);
    }

    private static BusyboxPackage download(Path cache) {
        try {
            Path downloads = Files.createDirectories(cache.resolve("downloads"));
            HostCommand.of("apt-get", "download", PACKAGE).inDirectory(downloads).run().orThrow();
            Path deb;
            try (var debs = Files.list(downloads)) {
                deb = debs.filter(p -> p.getFileName().toString().startsWith(PACKAGE + "_")
                                && p.getFileName().toString().endsWith(".deb"))
                        .max(Path::compareTo)
                        .orElseThrow(() -> new IllegalStateException("apt-get download left no " + PACKAGE + " .deb"));
            }
            String version = HostCommand.of("dpkg-deb", "-f", deb.toString(), "Version").run().orThrow().stdout().strip();
            Path unpacked = cache.resolve("downloads").resolve(PACKAGE + "-" + version.replaceAll("[^A-Za-z0-9.+-]", "_"));
            HostCommand.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()).run().orThrow();
            return new BusyboxPackage(version, unpacked.resolve("bin/busybox"));
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + PACKAGE + " into " + cache, e);
        }
    }
}
