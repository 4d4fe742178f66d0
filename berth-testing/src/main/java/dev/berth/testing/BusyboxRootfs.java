package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Lays out a busybox root filesystem in a directory and packs it into {@code rootfs.tar} beside it. */
record BusyboxRootfs(BusyboxPackage busybox) {

    /** Changes whenever the layout below changes, so cached tarballs of an older layout are not reused. */
    static final String LAYOUT = "v2";

    /** 2026-01-01T00:00:00Z, the project's reproducible-build date. */
    private static final String MTIME = "@1767225600";

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            nobody:x:65534:65534:nobody:/nonexistent:/bin/false
            """;
    private static final String GROUP = """
            root:x:0:
            nobody:x:65534:
            """;

    void writeTo(Path work) {
        Path root = work.resolve("rootfs");
        try {
            for (String dir : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "root", "tmp", "proc", "sys", "dev", "var")) {
                Files.createDirectories(root.resolve(dir));
            }
            Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
            Path binary = root.resolve("bin/busybox");
            Files.copy(busybox.binary(), binary);
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(root.resolve("etc/passwd"), PASSWD);
            Files.writeString(root.resolve("etc/group"), GROUP);
            // `busybox --list-full` names each applet's usual place (bin/sh, usr/bin/id, sbin/ifconfig, ...).
            String applets = HostCommand.of(busybox.binary().toString(), "--list-full").run().orThrow().stdout();
            for (String applet : applets.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
                Path link = root.resolve(applet);
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(link.getParent());
                    // Relative, unlike `busybox --install -s`: the link then never points out of the tree on the host.
                    Files.createSymbolicLink(link, link.getParent().relativize(binary));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("laying out a busybox root filesystem in " + root, e);
        }
        // java.nio's POSIX permissions cannot express the sticky bit /tmp needs.
        HostCommand.of("chmod", "1777", root.resolve("tmp").toString()).run().orThrow();
        HostCommand.of("tar", "--create", "--file", work.resolve("rootfs.tar").toString(), "--directory", root.toString(),
                        "--sort=name", "--numeric-owner", "--owner=0", "--group=0", "--mtime=" + MTIME, ".")
                .run().orThrow();
    }
}
