package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are one file (hard links) stay one file through COPY, from the context and from another
 * stage, as Docker's COPY keeps them (checked against Docker 20.10: {@code ls -li} shows one inode, three
 * links), and the cache key tells a hard link from a copy with the same bytes.
 */
class CopyHardLinksTest {

    @TempDir
    Path directory;

    @Test
    void hardLinksInTheContextAndInAStageStayHardLinks() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.file("a", "hello\n").file("other", "hello\n");
            Files.createDirectories(fixture.context.resolve("d"));
            Files.createLink(fixture.context.resolve("b"), fixture.context.resolve("a"));
            Files.createLink(fixture.context.resolve("d/c"), fixture.context.resolve("a"));

            BuildResult fromContext = fixture.build("FROM scratch\nCOPY a b d other /app/\n");
            assertThat(entries(fixture, fromContext)).containsExactly(
                    "app dir", "app/a file hello\n", "app/b link app/a", "app/c link app/a", "app/other file hello\n");

            // The same bytes, no longer one file: the key changes, so the cached layer with links is not reused.
            Files.delete(fixture.context.resolve("b"));
            fixture.file("b", "hello\n");
            BuildResult unlinked = fixture.build("FROM scratch\nCOPY a b d other /app/\n");
            assertThat(entries(fixture, unlinked)).containsExactly(
                    "app dir", "app/a file hello\n", "app/b file hello\n", "app/c link app/a", "app/other file hello\n");

            Files.delete(fixture.context.resolve("b"));
            Files.createLink(fixture.context.resolve("b"), fixture.context.resolve("a"));
            BuildResult fromStage = fixture.build("FROM scratch AS files\nCOPY . /x/\n"
                    + "FROM scratch\nCOPY --from=files /x/a /x/b /x/d/c /y/\n");
            assertThat(entries(fixture, fromStage)).containsExactly(
                    "y dir", "y/a file hello\n", "y/b link y/a", "y/c link y/a");
        }
    }

    /** The last layer's entries: {@code path dir}, {@code path file CONTENT} or {@code path link TARGET}. */
    private static List<String> entries(BuildFixture fixture, BuildResult result) throws IOException {
        List<String> entries = new ArrayList<>();
        var digest = fixture.manifest(result).layers().getLast().digest();
        try (InputStream in = fixture.store.content().open(digest); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().replaceFirst("/$", "");
                entries.add(entry.isDirectory() ? name + " dir"
                        : entry.isLink() ? name + " link " + entry.getLinkName()
                        : name + " file " + new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
