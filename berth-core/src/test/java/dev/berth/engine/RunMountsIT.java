package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.Secret;
import dev.berth.api.TestBuilds;
import dev.berth.engine.rootfs.DirectoryTrees;
import dev.berth.error.ExecutionException;
import dev.berth.error.InvalidInputException;
import dev.berth.event.BuildEvent;
import dev.berth.image.ContainerConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.image.Platform;
import dev.berth.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RUN --mount} through real runc and overlayfs on busybox, whole builds. Needs root. */
class RunMountsIT {

    @TempDir
    Path work;

    RunFixture fixture;
    Path context;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ImageJson json = ImageJson.standard();

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RunFixture(work);
        context = Files.createDirectories(work.resolve("context"));
        ImageConfig busybox = ImageConfig.empty(Platform.of("linux", "amd64"))
                .withConfig(ContainerConfig.builder().env(List.of("PATH=/bin")).build())
                .withLayer(fixture.busybox.diffId(), new HistoryEntry(Optional.empty(), "busybox", "", "", false));
        new ImageAssembler(fixture.store.content(), fixture.store.images(), json)
                .assemble(busybox, List.of(fixture.busybox), List.of("busybox:latest"));
    }

    @Test
    void aCacheMountKeepsItsContentAcrossBuildsAndStaysOutOfTheImage() throws IOException {
        String dockerfile = """
                FROM busybox
                ARG RUN_ID
                RUN --mount=type=cache,target=/var/cache/app sh -c 'echo "$RUN_ID" >> /var/cache/app/runs; cat /var/cache/app/runs > /seen'
                """;

        BuildResult first = build(dockerfile, request -> request.buildArgs(Map.of("RUN_ID", "one")));
        BuildResult second = build(dockerfile, request -> request.buildArgs(Map.of("RUN_ID", "two")));

        assertThat(layerEntries(first)).containsExactly("seen=one");
        assertThat(layerEntries(second)).containsExactly("seen=one\ntwo");
    }

    @Test
    void aBindMountOfTheContextIsReadOnlyAndItsContentIsInTheKey() throws IOException {
        Files.writeString(context.resolve("config.txt"), "version 1\n");
        String dockerfile = """
                FROM busybox
                RUN --mount=type=bind,source=config.txt,target=/etc/app.conf sh -c 'cat /etc/app.conf > /copied; touch /etc/app.conf 2>/dev/null || echo refused > /write'
                RUN --mount=target=/ctx,rw sh -c 'echo scribble > /ctx/config.txt && cat /ctx/config.txt > /rw'
                """;

        BuildResult first = build(dockerfile, request -> request);
        Files.writeString(context.resolve("config.txt"), "version 2\n");
        BuildResult second = build(dockerfile, request -> request);

        List<List<String>> layers = layersOf(first);
        assertThat(layers.get(1)).containsExactly("copied=version 1", "write=refused");
        assertThat(layers.get(2)).containsExactly("rw=scribble");
        assertThat(Files.readString(context.resolve("config.txt"))).isEqualTo("version 2\n");
        assertThat(layersOf(second).get(1)).containsExactly("copied=version 2", "write=refused");
    }

    @Test
    void aSecretIsReadByRunAndAbsentFromEveryLayerBlobAndTheHistory() throws IOException {
        String dockerfile = """
                FROM busybox
                RUN --mount=type=secret,id=x cat /run/secrets/x > /dev/null; test "$(cat /run/secrets/x)" = value && stat -c %a /run/secrets/x > /mode
                RUN --mount=type=secret,id=x,env=SECRET_X,required test "$SECRET_X" = value && echo ok > /env
                """;
        Path secretFile = Files.writeString(work.resolve("secret.txt"), "value");

        BuildResult result = build(dockerfile,
                request -> request.secrets(Map.of("x", new Secret.FromFile(secretFile))));

        List<List<String>> layers = layersOf(result);
        assertThat(layers.get(1)).as("/run/secrets is only a mount point").containsExactly("mode=400");
        assertThat(layers.get(2)).containsExactly("env=ok");
        assertThat(config(result).history()).extracting(HistoryEntry::createdBy).doesNotContain("value")
                .contains("RUN /bin/sh -c cat /run/secrets/x > /dev/null; test \"$(cat /run/secrets/x)\" = value && stat -c "
                        + "%a /run/secrets/x > /mode # buildkit");
        // The busybox binary holds the word "value" itself; the layers the build made must not.
        for (var layer : manifest(result).layers().subList(1, manifest(result).layers().size())) {
            try (var in = new java.util.zip.GZIPInputStream(fixture.store.content().open(layer.digest()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("value");
            }
        }
        assertThat(RunMountsTest.filesContaining(fixture.store.paths().root(), "SECRET_X=value")).isEmpty();
        // The steps' last inputs keep the instruction text, which says "= value" itself; nothing else may hold it.
        assertThat(RunMountsTest.filesContaining(fixture.store.paths().cache(), "value"))
                .isNotEmpty().allSatisfy(file -> assertThat(file.getParent())
                        .isEqualTo(fixture.store.paths().cache().resolve("last")));
    }

    @Test
    void aRequiredSecretThatIsMissingStopsTheBuildBeforeTheStepRuns() {
        assertThatThrownBy(() -> build("FROM busybox\nRUN --mount=type=secret,id=x,required cat /run/secrets/x\n",
                request -> request)).hasMessageEndingWith("Dockerfile:2: secret \"x\" is required but was not provided");
    }

    @Test
    void aTmpfsIsEmptyBoundedAndLeavesNothing() throws IOException {
        BuildResult result = build("""
                FROM busybox
                RUN --mount=type=tmpfs,target=/scratch,size=1m sh -c 'mount | grep " /scratch " | grep -q size=1024k && echo data > /scratch/f && ls /scratch > /listed'
                """, request -> request);

        assertThat(layerEntries(result)).containsExactly("listed=f");
    }

    @Test
    void mountPointsBerthMadeAndWritesUnderMountsNeverReachTheLayer() throws IOException {
        Files.writeString(context.resolve("in.txt"), "in");
        BuildResult result = build("""
                FROM busybox
                RUN --mount=type=cache,target=/opt/new/cache --mount=type=tmpfs,target=/tmp/t --mount=type=bind,source=in.txt,target=/srv/data/in.txt,rw --mount=type=secret,id=s,target=/root/.config/token sh -c 'echo c > /opt/new/cache/c; echo t > /tmp/t/t; echo w > /srv/data/in.txt; mkdir -p /opt/new/cache/sub; echo made > /kept'
                """, request -> request.secrets(Map.of("s", new Secret.FromValue("tok".getBytes(StandardCharsets.UTF_8)))));

        assertThat(layerEntries(result)).containsExactly("kept=made");
    }

    /** Regression: runc made a mount point behind an image's link in the writable layer. */
    @Test
    void aMountTargetBehindALinkOfTheImageLeavesNothingInTheLayer() throws IOException {
        BuildResult result = build("""
                FROM busybox
                RUN mkdir /real && ln -s /real /link
                RUN --mount=type=cache,target=/link/cache --mount=type=secret,id=s,target=/link/s sh -c 'echo x > /kept'
                """, request -> request.secrets(Map.of("s", new Secret.FromValue("tok".getBytes(StandardCharsets.UTF_8)))));

        assertThat(layerEntries(result)).containsExactly("kept=x");
    }

    @Test
    void aBindFromAnImageWithALinkToTheRootBindsTheImagesRootNotTheHosts() throws IOException {
        String marker = "host-only-" + System.nanoTime();
        Path hostFile = Files.writeString(Path.of("/tmp").resolve(marker), "host");
        try {
            BuildResult result = build("""
                    FROM busybox AS planted
                    RUN ln -s / /escape && ln -s /tmp /tmp-link
                    FROM busybox
                    RUN --mount=type=bind,from=planted,source=/escape/tmp,target=/m sh -c 'ls /m > /listed; test ! -e /m/%s && echo safe > /verdict'
                    """.formatted(marker), request -> request);

            assertThat(layerEntries(result)).contains("verdict=safe");
        } finally {
            Files.deleteIfExists(hostFile);
        }
    }

    @Test
    void aFailingStepStillReleasesItsMountsAndDeletesItsSecret() throws IOException {
        assertThatThrownBy(() -> build("FROM busybox\nRUN --mount=type=secret,id=s,required --mount=type=cache,target=/c,sharing=locked false\n",
                request -> request.secrets(Map.of("s", new Secret.FromValue("gone".getBytes(StandardCharsets.UTF_8))))))
                .isInstanceOf(ExecutionException.class);

        assertThat(RunMountsTest.filesContaining(fixture.store.paths().root(), "gone")).isEmpty();
        BuildResult next = build("FROM busybox\nRUN --mount=type=cache,target=/c,sharing=locked sh -c 'echo ok > /after'\n",
                request -> request);
        assertThat(layerEntries(next)).containsExactly("after=ok");
    }

    @Test
    void aLinkARunPlantedInACacheNeverBindsTheHost() throws IOException {
        Path host = Files.createTempDirectory("berth-host-");
        try {
            Files.writeString(host.resolve("passwd"), "host");
            build("FROM busybox\nRUN --mount=type=cache,target=/c ln -s " + host + " /c/x\n", request -> request);

            assertThatThrownBy(() -> build("FROM busybox\nRUN --mount=type=cache,target=/c,source=x sh -c 'echo owned > /c/passwd'\n",
                    request -> request))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(context + "/Dockerfile:2: cache mount source \"x\" passes through the symlink x in the cache");
            assertThat(host.resolve("passwd")).hasContent("host");
        } finally {
            DirectoryTrees.delete(host);
        }
    }

    private BuildResult build(String dockerfile, java.util.function.UnaryOperator<BuildRequest.Builder> change) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        events.clear();
        var runs = fixture.executor(OverlaySnapshotter::new, "overlay");
        return TestBuilds.build(fixture.store, runs, Clock.systemUTC(), change.apply(BuildRequest.builder(context)).build(),
                events::add);
    }

    private ImageConfig config(BuildResult result) throws IOException {
        try (var in = fixture.store.content().open(result.imageId())) {
            return json.readConfig(in.readAllBytes(), "config");
        }
    }

    private Manifest manifest(BuildResult result) throws IOException {
        try (var in = fixture.store.content().open(result.manifest())) {
            return json.readManifest(in.readAllBytes(), "manifest");
        }
    }

    private List<List<String>> layersOf(BuildResult result) throws IOException {
        List<List<String>> layers = new ArrayList<>();
        for (var descriptor : manifest(result).layers()) {
            layers.add(fixture.entries(new LayerRef(descriptor, descriptor.digest())));
        }
        return layers;
    }

    private List<String> layerEntries(BuildResult result) throws IOException {
        return layersOf(result).getLast();
    }
}
