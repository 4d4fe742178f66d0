package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.BuildEvent;
import dev.berth.image.Digest;
import dev.berth.image.ImageReference;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The no-op rebuild's shortcut ({@link UpToDateBuilds}): an identical rebuild is answered from the last one's record,
 * and every change that could change the image makes a real build instead.
 */
class UpToDateRebuildTest {

    private static final String DOCKERFILE = "FROM base:1\nARG X=0\nCOPY . /app\nLABEL a=b x=$X\n";

    @TempDir
    Path root;

    @TempDir
    Path context;

    private LocalStore store;
    private Builder builder;

    /** One build's result and what its listener heard. */
    record Outcome(BuildResult result, List<BuildEvent> events) {

        /** A replayed build reports every step as taking no time; a real one measures each step. */
        boolean replayed() {
            return events.stream().filter(event -> event instanceof BuildEvent.StepDone)
                    .allMatch(event -> ((BuildEvent.StepDone) event).took().equals(Duration.ZERO));
        }

        List<String> names() {
            return events.stream().filter(event -> event instanceof BuildEvent.StepStarted)
                    .map(event -> ((BuildEvent.StepStarted) event).name()).toList();
        }

        long cached() {
            return events.stream().filter(event -> event instanceof BuildEvent.StepCached).count();
        }
    }

    /** A change to the inputs and the request it leaves. */
    record Change(String name, Edit edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Edit {
        BuildRequest.Builder apply(UpToDateRebuildTest test) throws IOException;
    }

    @BeforeEach
    void makeBaseAndContext() throws IOException {
        store = LocalStore.open(new StoreLayout(root));
        // Ten minutes on: the files the test has just written are older than the racy window, as files edited
        // before a rebuild usually are.
        builder = builder(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        buildBase("base one\n");
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(context.resolve("app.txt"), "hello\n");
        Files.writeString(context.resolve("ignored.txt"), "not sent\n");
        Files.writeString(context.resolve(".dockerignore"), "ignored.txt\n");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anUnchangedRebuildIsAnsweredFromTheRecordWithTheStepsOfACachedBuild() {
        Outcome first = build(request());
        Outcome cached = build(request());
        Outcome replayed = build(request());

        assertThat(first.replayed()).isFalse();
        assertThat(cached.replayed()).isFalse();
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.result().imageId()).isEqualTo(first.result().imageId());
        assertThat(replayed.result().manifest()).isEqualTo(first.result().manifest());
        assertThat(replayed.names()).isEqualTo(cached.names());
        assertThat(replayed.cached()).isEqualTo(cached.cached()).isEqualTo(3);
    }

    @Test
    void aBuildThatRanStepsLeavesNoRecord() {
        build(request());

        assertThat(records()).isEmpty();
        build(request());
        assertThat(records()).hasSize(1);
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change("a context file edited to the same size", test -> {
                    Files.writeString(test.context.resolve("app.txt"), "jello\n");
                    return test.request();
                }),
                new Change("a context file's mode", test -> {
                    Files.setPosixFilePermissions(test.context.resolve("app.txt"), PosixFilePermissions.fromString("rw-------"));
                    return test.request();
                }),
                new Change("a new context file", test -> {
                    Files.writeString(test.context.resolve("new.txt"), "new\n");
                    return test.request();
                }),
                new Change("an ignore file that lets a file in", test -> {
                    Files.writeString(test.context.resolve(".dockerignore"), "");
                    return test.request();
                }),
                new Change("the Dockerfile", test -> {
                    Files.writeString(test.context.resolve("Dockerfile"), DOCKERFILE + "LABEL c=d\n");
                    return test.request();
                }),
                new Change("a build argument", test -> test.request().buildArgs(Map.of("X", "1"))),
                new Change("a --label", test -> test.request().labels(Map.of("k", "v"))),
                new Change("the base image's tag moved", test -> {
                    test.buildBase("base two\n");
                    return test.request();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeThatChangesTheImageMakesARealBuild(Change change) throws IOException {
        Digest original = build(request()).result().imageId();
        build(request());

        Outcome changed = build(change.edit().apply(this));

        assertThat(changed.replayed()).isFalse();
        assertThat(changed.result().imageId()).isNotEqualTo(original);
    }

    @Test
    void aTouchedFileMakesARealBuildOfTheSameImage() throws IOException {
        Digest original = build(request()).result().imageId();
        build(request());
        Path app = context.resolve("app.txt");
        Files.setLastModifiedTime(app, FileTime.from(Files.getLastModifiedTime(app).toInstant().plusSeconds(5)));

        Outcome touched = build(request());

        assertThat(touched.replayed()).isFalse();
        assertThat(touched.result().imageId()).isEqualTo(original);
        assertThat(build(request()).replayed()).isTrue();
    }

    @Test
    void anotherTagIsARealBuildThatTagsTheImage() {
        build(request());
        build(request());

        Outcome retagged = build(BuildRequest.builder(context).tags(List.of("app:2")));

        assertThat(retagged.replayed()).isFalse();
        assertThat(store.images().resolve(ImageReference.parse("app:2").withDefaultTag().toString())).isPresent();
    }

    @Test
    void noCacheAndOtherOutputsAreNeverAnsweredFromARecord(@TempDir Path exported) {
        build(request());
        build(request());

        assertThat(build(request().noCache(true)).replayed()).isFalse();
        assertThat(build(request().explainCache(true)).replayed()).isFalse();
        assertThat(build(request().outputs(List.of(new Output.Local(exported)))).replayed()).isFalse();
        assertThat(build(request().pull(PullPolicy.ALWAYS)).replayed()).isFalse();
    }

    @Test
    void anotherSourceDateEpochIsARealBuild() {
        build(request());
        build(request());

        assertThat(build(request().sourceDateEpoch(Instant.ofEpochSecond(1))).replayed()).isFalse();
    }

    @Test
    void pruningTheBuildCacheDropsTheRecords() {
        build(request());
        build(request());
        assertThat(records()).hasSize(1);

        new StoreUpkeep(store).pruneBuildCache();

        assertThat(records()).isEmpty();
        assertThat(build(request()).replayed()).isFalse();
    }

    @Test
    void aDamagedRecordIsIgnored() throws IOException {
        build(request());
        build(request());
        for (Path record : records()) {
            Files.write(record, new byte[] {0, 0, 0, 1, 0x7f, 1, 2});
        }

        Outcome after = build(request());

        assertThat(after.replayed()).isFalse();
        assertThat(build(request()).replayed()).isTrue();
    }

    @Test
    void aFileChangedJustBeforeTheBuildLeavesNoRecord() {
        Builder now = builder(Clock.systemUTC());
        now.build(request().build(), event -> { });
        now.build(request().build(), event -> { });

        assertThat(records()).isEmpty();
    }

    @Test
    void aDockerfileFromStandardInputIsComparedByItsText() {
        build(request().dockerfileText(DOCKERFILE));
        Digest original = build(request().dockerfileText(DOCKERFILE)).result().imageId();
        assertThat(build(request().dockerfileText(DOCKERFILE)).replayed()).isTrue();

        Outcome changed = build(request().dockerfileText(DOCKERFILE + "LABEL c=d\n"));

        assertThat(changed.replayed()).isFalse();
        assertThat(changed.result().imageId()).isNotEqualTo(original);
    }

    @Test
    void aBuildThatReadsNoContextFileIsUpToDateWhateverTheContextHolds() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM base:1\nLABEL a=b\n");
        build(request());
        build(request());
        Files.writeString(context.resolve("app.txt"), "changed, and no step reads it\n");

        assertThat(build(request()).replayed()).isTrue();
    }

    @Test
    void anotherTargetIsARealBuild() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM base:1 AS one\nLABEL a=1\nFROM base:1 AS two\nLABEL a=2\n");
        build(request().target("one"));
        build(request().target("one"));

        Digest one = build(request().target("one")).result().imageId();

        Outcome two = build(request().target("two"));

        assertThat(two.replayed()).isFalse();
        assertThat(two.result().imageId()).isNotEqualTo(one);
    }

    BuildRequest.Builder request() {
        return BuildRequest.builder(context).tags(List.of("app:1"));
    }

    private Outcome build(BuildRequest.Builder request) {
        List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
        BuildResult result = builder.build(request.build(), events::add);
        return new Outcome(result, List.copyOf(events));
    }

    private void buildBase(String content) throws IOException {
        Path base = Files.createTempDirectory(root, "base");
        Files.writeString(base.resolve("Dockerfile"), "FROM scratch\nCOPY base.txt /\n");
        Files.writeString(base.resolve("base.txt"), content);
        builder.build(BuildRequest.builder(base).tags(List.of("base:1")).build(), event -> { });
    }

    private Builder builder(Clock clock) {
        return new Builder(store, invocation -> {
            throw new UnsupportedFeatureException("no RUN in this test");
        }, clock);
    }

    private List<Path> records() {
        Path directory = store.paths().cache().resolve("up-to-date");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
