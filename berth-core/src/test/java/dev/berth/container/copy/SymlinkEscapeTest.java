package dev.berth.container.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regressions for Docker's {@code cp} escapes, against a directory standing for a container's root and a host
 * directory beside it that must stay untouched: a {@code /dst} that is a symlink to {@code /} or to
 * {@code ../../../../host-dir}, copied into and out of, and CVE-2018-15664's race, where the container swaps a
 * directory for such a symlink while the copy runs.
 */
class SymlinkEscapeTest {

    @TempDir
    Path temp;
    Path root;
    Path host;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(temp.resolve("a/b/c/rootfs"));
        host = Files.createDirectories(temp.resolve("host-dir"));
        Files.writeString(host.resolve("secret"), "host secret");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0");
    }

    private OpenFile rootFd() throws IOException {
        return new OpenFile(FdCalls.openat(-1, root.toString(), FdCalls.O_PATH | FdCalls.O_DIRECTORY, 0), "root");
    }

    private static byte[] tarOf(String name, String content) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new TarTreeWriter(out, "");
        writer.file(name, new TreeSink.Attributes(0644, 0, 0, 0), content.length(),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        writer.finish();
        return out.toByteArray();
    }

    private void copyIn(OpenFile rootFd, String destination, byte[] tar) throws IOException {
        var writer = new RootedTreeWriter(rootFd.fd(), destination, "", RootedTreeWriter.Ownership.CALLER);
        TarTreeReader.read(new ByteArrayInputStream(tar), writer);
    }

    private List<String> copyOut(OpenFile rootFd, String source) throws IOException {
        var out = new ByteArrayOutputStream();
        int fd = FdCalls.openat2(rootFd.fd(), source, FdCalls.O_PATH, 0,
                FdCalls.RESOLVE_IN_ROOT | FdCalls.RESOLVE_NO_MAGICLINKS);
        try (OpenFile opened = new OpenFile(fd, source)) {
            FileTreeReader.walk(opened, new TarTreeWriter(out, "top"));
        }
        List<String> listing = new ArrayList<>();
        try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                listing.add(entry.getName() + (entry.isSymbolicLink() ? " -> " + entry.getLinkName() : entry.isFile() ? "=" + new String(tar.readAllBytes(),
                        StandardCharsets.UTF_8) : ""));
            }
        }
        return listing;
    }

    private void assertHostUntouched() throws IOException {
        try (Stream<Path> files = Files.list(host)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret");
        }
        assertThat(Files.readString(host.resolve("secret"))).isEqualTo("host secret");
    }

    @Test
    void cve_2018_15664_copyIntoASymlinkToTheRootStaysInTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("dst"), Path.of("/"));
        try (OpenFile rootFd = rootFd()) {
            copyIn(rootFd, "dst", tarOf("secret", "from the copy"));
        }
        assertThat(root.resolve("secret")).hasContent("from the copy");
        assertHostUntouched();
    }

    @Test
    void cve_2018_15664_copyIntoADotDotSymlinkStaysInTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("dst"), Path.of("../../../../host-dir"));
        try (OpenFile rootFd = rootFd()) {
            // In the root there is no /host-dir: the link leads nowhere, and the copy fails there.
            assertThatThrownBy(() -> copyIn(rootFd, "dst", tarOf("secret", "from the copy")))
                    .isInstanceOf(NoSuchFileException.class);
            Files.createDirectories(root.resolve("host-dir/deeper"));
            copyIn(rootFd, "dst", tarOf("secret", "from the copy"));
            copyIn(rootFd, "dst/deeper/../..", tarOf("planted", "x"));
        }
        assertThat(root.resolve("host-dir/secret")).hasContent("from the copy");
        assertThat(root.resolve("planted")).hasContent("x");
        assertHostUntouched();
    }

    @Test
    void cve_2018_15664_copyOutOfASymlinkReadsTheContainersFiles() throws IOException {
        Files.createSymbolicLink(root.resolve("dst"), Path.of("../../../../host-dir"));
        Files.createSymbolicLink(root.resolve("abs"), Path.of(host.toString()));
        try (OpenFile rootFd = rootFd()) {
            // Both resolve inside the root, where there is no host-dir: never the host's secret.
            assertThatThrownBy(() -> copyOut(rootFd, "dst/secret")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> copyOut(rootFd, "abs/secret")).isInstanceOf(NoSuchFileException.class);
            Files.createDirectories(root.resolve("host-dir"));
            Files.writeString(root.resolve("host-dir/secret"), "the container's");
            assertThat(copyOut(rootFd, "dst/secret")).containsExactly("top=the container's");
        }
        try (OpenFile rootFd = rootFd()) {
            assertThat(copyOut(rootFd, "dst/../etc")).containsExactly("top/", "top/passwd=root:x:0:0");
        }
        try (OpenFile rootFd = rootFd()) {
            // A link inside the copied tree is copied as a link, never followed to the host.
            Files.createDirectories(root.resolve("tree"));
            Files.createSymbolicLink(root.resolve("tree/up"), Path.of("../../../../host-dir"));
            assertThat(copyOut(rootFd, "tree")).containsExactly("top/", "top/up -> ../../../../host-dir");
        }
        assertHostUntouched();
    }

    @Test
    void cve_2018_15664_aDirectorySwappedForASymlinkDuringTheCopyNeverLeadsOut() throws Exception {
        Path swapped = root.resolve("swapped");
        Path aside = root.resolve("aside");
        Files.createDirectories(aside);
        AtomicBoolean done = new AtomicBoolean();
        // The container's side of the race: "swapped" is a directory one moment, a link to the host the next.
        Thread container = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                try {
                    Files.deleteIfExists(swapped);
                    Files.createSymbolicLink(swapped, host);
                    Files.delete(swapped);
                    Files.createSymbolicLink(swapped, Path.of("../../../../host-dir"));
                    Files.delete(swapped);
                    Files.createDirectory(swapped);
                    Thread.onSpinWait();
                } catch (IOException ignored) {
                    // A copy created something in the way: try again.
                    try {
                        dev.berth.layer.TreeRemover.delete(swapped);
                    } catch (IOException alsoIgnored) {
                        // Next round.
                    }
                }
            }
        });
        try (OpenFile rootFd = rootFd()) {
            for (int i = 0; i < 2000; i++) {
                try {
                    copyIn(rootFd, "swapped", tarOf("planted-" + i, "x"));
                } catch (IOException | RuntimeException raced) {
                    // The component moved under the copy: the copy fails, it never escapes.
                }
                try {
                    copyOut(rootFd, "swapped/secret");
                } catch (IOException | RuntimeException raced) {
                    // As above.
                }
            }
        } finally {
            done.set(true);
            container.join();
        }
        assertHostUntouched();
    }

    @Test
    void cve_2019_14271_copyRunsNothingFromTheContainer() throws IOException {
        // Docker's helper loaded the container's libnss; Berth's copy is this process's own system calls. A
        // container's hostile library is a file like any other: copied out as bytes, never loaded.
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/libnss_files.so.2"), "not a library");
        try (OpenFile rootFd = rootFd()) {
            assertThat(copyOut(rootFd, "lib")).containsExactly("top/", "top/libnss_files.so.2=not a library");
        }
        assertHostUntouched();
    }
}
