package dev.berth.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<String> paths(BuildContext context) {
        return context.list().stream().map(ContextEntry::path).toList();
    }

    @Test
    void listsEverythingSortedByPathBytesWithoutAnIgnoreFile() throws IOException {
        write("b.txt", "bb");
        write("a/z", "z");
        write("a.b", "");
        write("a/b/c", "ccc");

        BuildContext context = BuildContext.open(root, Optional.empty());

        assertThat(paths(context)).containsExactly("a", "a.b", "a/b", "a/b/c", "a/z", "b.txt");
        assertThat(context.list()).filteredOn(entry -> entry.path().equals("a/b/c"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.type()).isEqualTo(FileKind.FILE);
                    assertThat(entry.size()).isEqualTo(3);
                    assertThat(entry.stat().inode()).isPositive();
                });
        assertThat(context.ignoreFile()).isEmpty();
    }

    @Test
    void symbolicLinksAreListedNotFollowed() throws IOException {
        write("real/file", "x");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("outside"), Path.of("/etc"));

        List<ContextEntry> entries = BuildContext.open(root, Optional.empty()).list();

        assertThat(entries).extracting(ContextEntry::path).containsExactly("link", "outside", "real", "real/file");
        assertThat(entries.getFirst().type()).isEqualTo(FileKind.SYMLINK);
        assertThat(entries.get(1).type()).isEqualTo(FileKind.SYMLINK);
    }

    @Test
    void excludedDirectoryIsSkippedUnlessAnExceptionReachesInside() throws IOException {
        write("node_modules/x/index.js", "");
        write("docs/keep.md", "");
        write("docs/drop.md", "");
        write("src/main.c", "");
        write(".dockerignore", "node_modules\ndocs\n!docs/keep.md\n");

        BuildContext context = BuildContext.open(root, Optional.empty());

        assertThat(paths(context)).containsExactly(".dockerignore", "docs", "docs/keep.md", "src", "src/main.c");
        assertThat(context.ignoreFile()).contains(root.resolve(".dockerignore").toAbsolutePath());
    }

    @Test
    void wildcardExceptionReIncludesFilesInsideExcludedDirectories() throws IOException {
        write("a/b/keep.go", "");
        write("a/b/drop.txt", "");
        write(".dockerignore", "*\n!**/*.go\n");

        assertThat(paths(BuildContext.open(root, Optional.empty()))).containsExactly("a", "a/b", "a/b/keep.go");
    }

    @Test
    void dockerfileSpecificIgnoreFileTakesPrecedence() throws IOException {
        write("one.txt", "");
        write("two.txt", "");
        write(".dockerignore", "one.txt\n");
        write("build/app.Dockerfile", "FROM scratch\n");
        write("build/app.Dockerfile.dockerignore", "two.txt\nbuild\n");

        BuildContext context = BuildContext.open(root, Optional.of(root.resolve("build/app.Dockerfile")));

        assertThat(paths(context)).containsExactly(".dockerignore", "one.txt");
    }

    @Test
    void malformedIgnoreFileIsInvalidInput() throws IOException {
        write(".dockerignore", "ok\n[oops\n");

        assertThatThrownBy(() -> BuildContext.open(root, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".dockerignore:2: bad ignore pattern \"[oops\"");
    }

    @Test
    void missingContextIsNotFound() {
        assertThatThrownBy(() -> BuildContext.open(root.resolve("nope"), Optional.empty()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void resolveRefusesPathsClimbingOutOfTheContext() {
        BuildContext context = BuildContext.open(root, Optional.empty());

        assertThatThrownBy(() -> context.resolve("../etc/passwd")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("outside the build context");
        assertThatThrownBy(() -> context.resolve("a/../../x")).isInstanceOf(NotFoundException.class);
        assertThat(context.resolve("/a/./b")).isEqualTo(context.root().resolve("a/b"));
    }

    @Test
    void resolveKeepsSymbolicLinksInsideTheContext() throws IOException {
        write("real/file", "x");
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/real"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../real"));
        Files.createSymbolicLink(root.resolve("hostetc"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("/loop"));
        BuildContext context = BuildContext.open(root, Optional.empty());

        assertThat(context.resolve("abs/file")).isEqualTo(context.root().resolve("real/file"));
        assertThat(context.resolve("up/file")).isEqualTo(context.root().resolve("real/file"));
        assertThat(context.resolve("hostetc/passwd")).isEqualTo(context.root().resolve("etc/passwd"));
        assertThatThrownBy(() -> context.resolve("loop/x")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("too many symbolic links");
    }

    @Test
    void listsEveryFileOfALargeTree() throws IOException {
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d));
            for (int f = 0; f < 200; f++) {
                Files.createFile(dir.resolve("f" + f));
            }
        }

        int count = BuildContext.open(root, Optional.empty()).list().size();

        assertThat(count).isEqualTo(20_100);
    }
}
