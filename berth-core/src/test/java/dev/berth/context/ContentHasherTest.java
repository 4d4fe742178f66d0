package dev.berth.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHasherTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    /** A minute on: the files the test has just written (their ctime is now) are past the racy window. */
    private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

    @TempDir
    Path root;

    @TempDir
    Path cacheDir;

    @BeforeEach
    void files() throws IOException {
        write("same.txt", "unchanged");
        write("changing.txt", "before");
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
    }

    /** One build: open the context and cache, hash every file, save the cache. */
    private Map<String, ContentHasher.ContentHash> build() {
        return build(later);
    }

    private Map<String, ContentHasher.ContentHash> build(Clock clock) {
        BuildContext context = BuildContext.open(root, Optional.empty());
        StatCache cache = StatCache.open(cacheDir, root);
        ContentHasher hasher = new ContentHasher(context, cache, clock);
        Map<String, ContentHasher.ContentHash> hashes = context.list().stream()
                .filter(entry -> entry.type() == FileKind.FILE)
                .map(hasher::hash)
                .collect(Collectors.toMap(ContentHasher.ContentHash::path, Function.identity()));
        cache.save();
        return hashes;
    }

    @Test
    void digestIsTheSha256OfTheContent() {
        assertThat(build().get("same.txt").digest())
                .isEqualTo(Digest.sha256("unchanged".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rebuildRehashesOnlyTheChangedFile() throws IOException {
        Map<String, ContentHasher.ContentHash> first = build();
        Path changing = root.resolve("changing.txt");
        Files.writeString(changing, "after!");
        Files.setLastModifiedTime(changing, FileTime.from(LONG_AGO.plusSeconds(60)));

        Map<String, ContentHasher.ContentHash> second = build();

        assertThat(first.values()).noneMatch(ContentHasher.ContentHash::cached);
        assertThat(second.get("same.txt").cached()).isTrue();
        assertThat(second.get("same.txt").digest()).isEqualTo(first.get("same.txt").digest());
        assertThat(second.get("changing.txt").cached()).isFalse();
        assertThat(second.get("changing.txt").digest())
                .isEqualTo(Digest.sha256("after!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sameSizeContentChangeIsCaughtByTheModificationTime() throws IOException {
        build();
        Path changing = root.resolve("changing.txt");
        Files.writeString(changing, "BEFORE");
        Files.setLastModifiedTime(changing, FileTime.from(LONG_AGO.plusNanos(1)));

        assertThat(build().get("changing.txt").digest())
                .isEqualTo(Digest.sha256("BEFORE".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fileModifiedJustBeforeHashingIsNotTrustedFromTheCache() throws IOException {
        Files.writeString(root.resolve("fresh.txt"), "new");
        Files.setLastModifiedTime(root.resolve("fresh.txt"), FileTime.from(later.instant()));
        build();

        assertThat(build().get("fresh.txt").cached()).isFalse();
        assertThat(build().get("same.txt").cached()).isTrue();
    }

    /**
     * Regression: a file extracted with its old times (tar, {@code rsync -t}, {@code touch -d}) looked settled by
     * its mtime although it had just changed; its ctime, which no tool sets back, says so.
     */
    @Test
    void aFileWithAnOldMtimeButAFreshCtimeIsNotTrusted() {
        build(Clock.systemUTC());

        assertThat(build(Clock.systemUTC()).get("same.txt").cached()).isFalse();
        assertThat(build().get("same.txt").cached()).isFalse();
        assertThat(build().get("same.txt").cached()).isTrue();
    }

    /** Regression: every build used to rewrite the cache file, even when nothing in it changed. */
    @Test
    void cacheFileIsRewrittenOnlyWhenAnEntryChanged() throws IOException {
        build();
        Path file = StatCache.open(cacheDir, root).file();
        Object first = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        build();
        Object unchanged = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Files.writeString(root.resolve("changing.txt"), "after");
        Files.setLastModifiedTime(root.resolve("changing.txt"), FileTime.from(LONG_AGO.plusSeconds(60)));
        Map<String, ContentHasher.ContentHash> third = build();
        Object rewritten = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        assertThat(unchanged).isEqualTo(first);
        assertThat(rewritten).isNotEqualTo(first);
        assertThat(third.get("changing.txt").cached()).isFalse();
        assertThat(build().get("changing.txt").cached()).isTrue();
    }

    @Test
    void cacheFileIsReplacedAtomicallyAndACorruptOneIsIgnored() throws IOException {
        build();
        StatCache cache = StatCache.open(cacheDir, root);
        assertThat(cache.file()).exists();
        try (var files = Files.list(cacheDir)) {
            assertThat(files).containsExactly(cache.file());
        }
        Files.writeString(cache.file(), "{not json");

        assertThat(build().values()).noneMatch(ContentHasher.ContentHash::cached);
        assertThat(build().get("same.txt").cached()).isTrue();
    }
}
