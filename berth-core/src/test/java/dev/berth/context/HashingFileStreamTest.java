package dev.berth.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ContentHasher#open}: a file read once gives its bytes and the digest {@link ContentHasher#hash} gives. */
class HashingFileStreamTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path cacheDir;

    private ContextEntry entry(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
        return BuildContext.open(root, Optional.empty()).list().stream()
                .filter(entry -> entry.path().equals(path)).findFirst().orElseThrow();
    }

    private ContentHasher hasher(StatCache cache) {
        // A minute on: the file just written (its ctime is now) is past the stat cache's racy window.
        return new ContentHasher(BuildContext.open(root, Optional.empty()), cache,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    }

    @Test
    void readingGivesTheBytesAndTheDigestThenTheCacheVouches() throws IOException {
        ContextEntry entry = entry("a.txt", "some content");
        StatCache cache = StatCache.open(cacheDir, root);
        ContentHasher hasher = hasher(cache);
        assertThat(hasher.vouchesFor(entry)).isFalse();
        ContentHasher.ContentHash read;
        try (HashingFileStream in = hasher.open(entry)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("some content");
            read = in.finish();
        }
        assertThat(read).isEqualTo(new ContentHasher.ContentHash("a.txt",
                Digest.sha256("some content".getBytes(StandardCharsets.UTF_8)), false));
        assertThat(hasher.vouchesFor(entry)).isTrue();
        assertThat(hasher.hash(entry)).isEqualTo(new ContentHasher.ContentHash("a.txt", read.digest(), true));
        try (HashingFileStream in = hasher.open(entry)) {
            assertThat(in.readAllBytes()).hasSize(12);
            assertThat(in.finish()).isEqualTo(new ContentHasher.ContentHash("a.txt", read.digest(), true));
        }
    }

    @Test
    void aFileThatChangesWhileReadIsNotRemembered() throws IOException {
        ContextEntry entry = entry("b.txt", "before");
        ContentHasher hasher = hasher(StatCache.open(cacheDir, root));
        try (HashingFileStream in = hasher.open(entry)) {
            in.readAllBytes();
            Files.writeString(root.resolve("b.txt"), " and after", StandardOpenOption.APPEND);
            assertThat(in.finish().digest()).isEqualTo(Digest.sha256("before".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(hasher.vouchesFor(entry)).isFalse();
    }

    @Test
    void theDigestIsKnownOnlyAfterTheLastByte() throws IOException {
        ContextEntry entry = entry("c.txt", "abc");
        try (HashingFileStream in = hasher(StatCache.open(cacheDir, root)).open(entry)) {
            in.readNBytes(3);
            assertThatThrownBy(in::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the digest of c.txt is known only after its last byte was read");
        }
    }

    @Test
    void uncachedReadingHashesOutsideAContext() throws IOException {
        Path file = Files.writeString(root.resolve("d.txt"), "outside");
        try (HashingFileStream in = HashingFileStream.uncached("d.txt", file)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(in.finish()).isEqualTo(new ContentHasher.ContentHash("d.txt",
                    Digest.sha256("outside".getBytes(StandardCharsets.UTF_8)), false));
        }
    }
}
