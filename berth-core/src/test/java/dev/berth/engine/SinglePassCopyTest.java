package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.StatCache;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.engine.copy.CopyContentKey;
import dev.berth.engine.copy.CopyStepExecutor;
import dev.berth.engine.copy.Ownership;
import dev.berth.engine.copy.StagePaths;
import dev.berth.engine.rootfs.ExtractedRootfs;
import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.image.Digest;
import dev.berth.layer.LayerStorer;
import dev.berth.plan.BuildPlanner;
import dev.berth.plan.Step;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A COPY written in one pass (files hashed as the layer is written) gives the same content digests,
 * hence the same cache key, and the same layer as hashing first and writing after.
 */
class SinglePassCopyTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final int BLOCK = (256 * 1024);

    @TempDir
    Path directory;

    /** Each context: file path to size ({@code -1} makes a symbolic link to {@code target}). */
    static Stream<Arguments> contexts() {
        Map<String, Integer> many = new java.util.TreeMap<>();
        for (int i = 0; i < 48; i++) {
            many.put("many/f" + i, i % 7);
        }
        return Stream.of(
                Arguments.of("empty files", Map.of("a", 0, "d/b", 0)),
                Arguments.of("one byte", Map.of("a", 1)),
                Arguments.of("around a block", Map.of("a", BLOCK - 1, "b", BLOCK, "c", BLOCK + 1)),
                Arguments.of("several blocks", Map.of("big", 5 * BLOCK + 7, "small", 3)),
                Arguments.of("more files than blocks in flight", many),
                Arguments.of("nested, with a link", Map.of("x/y/z", 10, "x/link", -1, "x/y/w", 2 * BLOCK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void onePassGivesTheTwoPassDigestsAndLayer(String name, Map<String, Integer> files) throws IOException {
        Path context = Files.createDirectories(directory.resolve("context"));
        List<String> paths = new ArrayList<>(new java.util.TreeSet<>(files.keySet()));
        Random random = new Random(paths.size());
        for (String path : paths) {
            Path file = context.resolve(path);
            Files.createDirectories(file.getParent());
            if (files.get(path) < 0) {
                Files.createSymbolicLink(file, Path.of("target"));
            } else {
                byte[] bytes = new byte[files.get(path)];
                random.nextBytes(bytes);
                Files.write(file, bytes);
                Files.setLastModifiedTime(file, FileTime.from(T));
            }
        }
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");
        BuildContext source = BuildContext.open(context, Optional.empty());
        Step.CopyStep step = (Step.CopyStep) new BuildPlanner(PredefinedArgs.LINUX_AMD64)
                .plan(new SourceFile("Dockerfile", "FROM scratch\nCOPY . /app/\n"), Map.of(), Optional.empty())
                .target().steps().getFirst();
        CopyStepExecutor.Selection selection = CopyStepExecutor.select(step, new ExtractedRootfs(source, RootfsAttributes.NONE), "the build context",
                source.list(), "/", Ownership.ROOT, T, path -> false);
        List<Digest> expected = selection.items().stream()
                .map(item -> item.entry().type() == dev.berth.context.FileKind.FILE
                        ? sha256(context.resolve(item.entry().path())) : null)
                .toList();

        try (LocalStore onePassStore = LocalStore.open(new StoreLayout(directory.resolve("one")));
                LocalStore twoPassStore = LocalStore.open(new StoreLayout(directory.resolve("two")))) {
            CopyStepExecutor.Written onePass = CopyStepExecutor.write(selection, new StagePaths(RootfsAttributes.NONE),
                    new LayerStorer(onePassStore.content(), Optional.empty()), T, Optional.of(hasher(source, "one")));
            ContentHasher twoPassHasher = hasher(source, "two");
            List<Digest> hashedFirst = CopyContentKey.hashFiles(selection, Optional.of(twoPassHasher));
            CopyStepExecutor.Written twoPass = CopyStepExecutor.write(selection, new StagePaths(RootfsAttributes.NONE),
                    new LayerStorer(twoPassStore.content(), Optional.empty()), T, Optional.of(twoPassHasher));

            assertThat(onePass.fileDigests()).isEqualTo(expected);
            assertThat(hashedFirst).isEqualTo(expected);
            assertThat(twoPass.fileDigests()).isEqualTo(expected);
            assertThat(CopyContentKey.contentDigest(selection, onePass.fileDigests(), onePass.hardLinks()))
                    .isEqualTo(CopyContentKey.contentDigest(selection, hashedFirst, CopyContentKey.hardLinks(selection)));
            assertThat(onePass.layer()).isEqualTo(twoPass.layer());
            assertThat(onePass.layer().diffId()).isEqualTo(onePass.layer().blob().digest());
            try (InputStream blob = onePassStore.content().open(onePass.layer().blob().digest())) {
                assertThat(Digest.sha256(blob.readAllBytes())).isEqualTo(onePass.layer().diffId());
            }
        }
    }

    private ContentHasher hasher(BuildContext source, String cache) {
        return new ContentHasher(source, StatCache.open(directory.resolve("stat-" + cache), source.root()), Clock.systemUTC());
    }

    private static Digest sha256(Path file) {
        try {
            return Digest.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
