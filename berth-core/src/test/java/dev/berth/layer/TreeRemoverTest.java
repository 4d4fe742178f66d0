package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TreeRemoverTest {

    @TempDir
    Path work;

    /** Makes a tree below {@code root}; {@code outside} is a sibling directory holding {@code kept.txt}. */
    interface TreeShape {
        void make(Path root, Path outside) throws IOException;
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of("a single file", (TreeShape) (root, outside) -> {
                    Files.delete(root);
                    Files.writeString(root, "x");
                }),
                Arguments.of("an empty directory", (TreeShape) (root, outside) -> { }),
                Arguments.of("nested directories", (TreeShape) (root, outside) -> {
                    Files.createDirectories(root.resolve("a/b/c"));
                    Files.writeString(root.resolve("a/b/c/file"), "x");
                    Files.writeString(root.resolve("a/top"), "y");
                }),
                Arguments.of("read-only directories", (TreeShape) (root, outside) -> {
                    Path locked = Files.createDirectories(root.resolve("locked/inner"));
                    Files.writeString(locked.resolve("file"), "x");
                    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
                    Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("r-x------"));
                }),
                Arguments.of("a symlink to a directory outside", (TreeShape) (root, outside) -> {
                    Files.createSymbolicLink(root.resolve("escape"), outside);
                    Files.createSymbolicLink(root.resolve("file-escape"), outside.resolve("kept.txt"));
                }),
                Arguments.of("a dangling symlink", (TreeShape) (root, outside) ->
                        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"))),
                Arguments.of("the root itself a symlink to outside", (TreeShape) (root, outside) -> {
                    Files.delete(root);
                    Files.createSymbolicLink(root, outside);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void deletesTheTreeAndNothingOutsideIt(String name, TreeShape shape) throws IOException {
        Path outside = Files.createDirectory(work.resolve("outside"));
        Files.writeString(outside.resolve("kept.txt"), "kept");
        Path root = Files.createDirectory(work.resolve("root"));
        shape.make(root, outside);

        TreeRemover.delete(root);

        assertThat(Files.exists(root, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("kept.txt")).hasContent("kept");
        assertThat(outside).isDirectory();
    }

    @Test
    void aMissingPathIsAlreadyDeleted() throws IOException {
        TreeRemover.delete(work.resolve("absent"));

        assertThat(work.resolve("absent")).doesNotExist();
    }

    /**
     * Regression (#9, "opening snapshots in …/snapshots/overlay: …/tmp/<id>-…"): two processes sweeping the same
     * leftover walk the same tree, and each deletes entries the other has listed. At every point where this remover
     * is about to act on an entry (descend into, delete, remove a directory), the other remover takes that entry, or
     * the whole tree, first: the removal still succeeds and nothing is left.
     */
    @ParameterizedTest(name = "the other remover takes {0}")
    @ValueSource(strings = {"the entry", "the whole tree"})
    void anEntryAnotherRemoverDeletedMidWalkIsNoError(String what) throws IOException {
        Path probe = tree("probe");
        List<Path> points = new ArrayList<>();
        TreeRemover.delete(probe, points::add);
        assertThat(points).hasSizeGreaterThan(10);

        for (int k = 0; k < points.size(); k++) {
            Path root = tree("root" + k);
            int at = k;
            int[] calls = {0};
            TreeRemover.delete(root, entry -> {
                if (calls[0]++ == at) {
                    removeStrictly(what.equals("the entry") ? entry : root);
                }
            });
            assertThat(Files.exists(root, LinkOption.NOFOLLOW_LINKS)).as("interleaved at %s", points.get(k)).isFalse();
        }
    }

    private Path tree(String name) throws IOException {
        Path root = Files.createDirectories(work.resolve(name));
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("c"));
        for (String file : List.of("a/b/f1", "a/b/f2", "a/f3", "f4")) {
            Files.writeString(root.resolve(file), file);
        }
        return root;
    }

    /** What the other process does: a plain recursive delete that needs every entry it listed to still be there. */
    private static void removeStrictly(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> children = Files.list(path)) {
                    for (Path child : children.toList()) {
                        removeStrictly(child);
                    }
                }
            }
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The safe behaviour the snapshot and recovery removers had: a file system mounted inside is never emptied. */
    @Test
    void refusesToDeleteBelowAMountPointAndLeavesTheMountedFilesAlone() throws Exception {
        Path root = Files.createDirectories(work.resolve("root/rootfs"));
        Files.writeString(work.resolve("root/before"), "x");
        assumeTrue(run("mount", "-t", "tmpfs", "tmpfs", root.toString()) == 0, "mounting needs CAP_SYS_ADMIN");
        try {
            Files.writeString(root.resolve("committed"), "layer data");
            assertThat(TreeRemover.isMountPoint(root)).isTrue();
            assertThat(TreeRemover.isMountPoint(work.resolve("root"))).isFalse();

            assertThatThrownBy(() -> TreeRemover.delete(work.resolve("root")))
                    .isInstanceOf(IOException.class)
                    .hasMessage(root + " is a mount point; refusing to delete below it");
            assertThat(root.resolve("committed")).hasContent("layer data");
        } finally {
            run("umount", root.toString());
        }
        TreeRemover.delete(work.resolve("root"));
        assertThat(work.resolve("root")).doesNotExist();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
