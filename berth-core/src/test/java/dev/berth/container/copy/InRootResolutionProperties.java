package dev.berth.container.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random chains of symlinks in a container's root (absolute, {@code ..}-climbing, to the host directory by its
 * real path, to each other, in loops), copied into and out of through any of them: nothing outside the root is
 * ever written, and no read returns the host's file.
 */
class InRootResolutionProperties {

    private static final String SECRET = "host secret";

    @Provide
    Arbitrary<List<String>> links() {
        return Arbitraries.of("/", "..", "../../..", "../../../../host-dir", "HOST", "HOST/..", "l0", "/l1", "d/l2",
                "../l3", "d", "/d/..", "host-dir", "d/../../../l4", "l5/x", "/proc/self/root").list().ofSize(6);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("l0", "l1", "l2", "l3", "l4", "l5", "d/l2", "l0/l1", "l3/d", "l5/sub", "d/l2/..")
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
    }

    @Property(tries = 150)
    void noSymlinkChainLeadsOutOfTheRoot(@ForAll("links") List<String> targets, @ForAll("paths") String path)
            throws IOException {
        Path work = Files.createTempDirectory("in-root");
        try {
            Path root = Files.createDirectories(work.resolve("a/b/c/rootfs"));
            Path host = Files.createDirectories(work.resolve("host-dir"));
            Files.writeString(host.resolve("secret"), SECRET);
            Files.createDirectories(root.resolve("d"));
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i).replace("HOST", host.toString());
                Files.createSymbolicLink(root.resolve(i == 2 ? "d/l2" : "l" + i), Path.of(target));
            }
            Set<String> outside = outside(work, root);
            try (OpenFile rootFd = new OpenFile(FdCalls.openat(-1, root.toString(), FdCalls.O_PATH
                    | FdCalls.O_DIRECTORY, 0), "root")) {
                try {
                    var writer = new RootedTreeWriter(rootFd.fd(), path, "", RootedTreeWriter.Ownership.CALLER);
                    writer.file("secret", new TreeSink.Attributes(0644, 0, 0, 0), 7, stream("planted"));
                    writer.directory("dir", new TreeSink.Attributes(0755, 0, 0, 0));
                    writer.symlink("dir/up", new TreeSink.Attributes(0777, 0, 0, 0), "../../../..");
                    writer.file("dir/up/escaped", new TreeSink.Attributes(0644, 0, 0, 0), 7, stream("planted"));
                    writer.finish();
                } catch (IOException refused) {
                    // A loop, a missing target, a file in the way: refused, never escaped.
                }
                try (OpenFile opened = new OpenFile(FdCalls.openat2(rootFd.fd(), path + "/secret", FdCalls.O_PATH, 0,
                        FdCalls.RESOLVE_IN_ROOT | FdCalls.RESOLVE_NO_MAGICLINKS), path)) {
                    var out = new ByteArrayOutputStream();
                    FileTreeReader.walk(opened, new TarTreeWriter(out, "x"));
                    assertThat(out.toString(StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
                } catch (IOException refused) {
                    // As above.
                }
            }
            assertThat(outside(work, root)).isEqualTo(outside);
            assertThat(host.resolve("secret")).hasContent(SECRET);
        } finally {
            dev.berth.layer.TreeRemover.delete(work);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every path under {@code work} but inside {@code root}. */
    private static Set<String> outside(Path work, Path root) throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            return all.filter(p -> !p.startsWith(root)).map(p -> work.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
