package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.NotFoundException;
import dev.berth.error.TransferException;
import dev.berth.event.TransferEvent;
import dev.berth.event.ProgressListener;
import dev.berth.event.TransferListener;
import dev.berth.image.Digest;
import dev.berth.testing.BaseImages;
import dev.berth.testing.FlakyRegistryProxy;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Pull and push against the real distribution registry on 127.0.0.1 (plain HTTP), with a fresh storage for the class. */
@ExtendWith(IntegrationFixtures.class)
class RegistryTransferIT {

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Berth open(String store) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", work.resolve("home").toString());
        environment.remove("DOCKER_CONFIG");
        environment.remove("REGISTRY_AUTH_FILE");
        environment.put("XDG_RUNTIME_DIR", work.resolve("run").toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        return Berth.open(Settings.builder().root(work.resolve(store)).environment(environment)
                .runtimeState(work.resolve("state")).build());
    }

    private static String imported(Berth berth, BaseImages images, String name) throws IOException {
        try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            return berth.importRootfs(ImportRequest.tarball(rootfs).reference(name)
                    .changes(List.of("CMD [\"echo\", \"hello from the registry\"]")).build()).toString();
        }
    }

    private static final class Events implements TransferListener {
        final List<TransferEvent> seen = new CopyOnWriteArrayList<>();

        @Override
        public void on(TransferEvent event) {
            seen.add(event);
        }

        Stream<TransferEvent.BlobOutcome> outcomes() {
            return seen.stream().filter(TransferEvent.BlobDone.class::isInstance).map(e -> ((TransferEvent.BlobDone) e).outcome());
        }
    }

    @Test
    void anImagePushedIsPulledIntoAnotherStoreWithTheSameIdAndRuns(BaseImages images) throws IOException {
        String name = registry.address() + "/berth/round:1";
        String id;
        PushResult pushed;
        try (Berth source = open("source")) {
            id = imported(source, images, name);
            Events first = new Events();
            pushed = source.registries().push(PushRequest.builder(name).build(), first);
            assertThat(first.outcomes()).containsExactly(TransferEvent.BlobOutcome.PUSHED);
            Events second = new Events();
            assertThat(source.registries().push(PushRequest.builder(name).build(), second).digest())
                    .isEqualTo(pushed.digest());
            assertThat(second.outcomes()).containsExactly(TransferEvent.BlobOutcome.LAYER_EXISTS);
            String other = registry.address() + "/berth/elsewhere:1";
            source.tag(name, other);
            Events third = new Events();
            source.registries().push(PushRequest.builder(other).build(), third);
            assertThat(third.outcomes()).containsExactly(TransferEvent.BlobOutcome.MOUNTED);
        }
        try (Berth target = open("target")) {
            Events events = new Events();
            List<PullResult> pulled = target.registries().pull(PullRequest.builder(name).build(), events);
            assertThat(pulled).containsExactly(new PullResult(name, pushed.digest(), true));
            assertThat(events.outcomes()).containsExactly(TransferEvent.BlobOutcome.PULLED);
            assertThat(target.inspect(name).id()).hasToString(id);
            assertThat(target.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE))
                    .containsExactly(new PullResult(name, pushed.digest(), false));
            Path out = work.resolve("out");
            int exit = target.run(RunRequest.builder(name).network(ContainerNetwork.NONE)
                    .streams(new RunRequest.Streams.ToFiles(out, work.resolve("err"))).build()).exitCode();
            assertThat(exit).isZero();
            assertThat(Files.readString(out)).isEqualTo("hello from the registry\n");

            // Regression (inspect listed name@digest under RepoTags): a pull by digest is a repo digest.
            String byDigest = name.substring(0, name.lastIndexOf(':')) + "@" + pushed.digest();
            target.registries().pull(PullRequest.builder(byDigest).build(), TransferListener.NONE);
            ImageDetails details = target.inspect(byDigest);
            assertThat(details.repoTags()).containsExactly(name);
            assertThat(details.repoDigests()).containsExactly(byDigest);
        }
    }

    @Test
    void aLayerAboveTheMonolithicLimitGoesUpInChunksAndComesBackWhole() throws IOException {
        byte[] large = new byte[40 << 20];
        new java.util.Random(42).nextBytes(large); // incompressible: the gzip blob stays above 32 MiB
        byte[] tar = new dev.berth.testing.TarBuilder().file("large.bin", large).build();
        String name = registry.address() + "/berth/large:1";
        String id;
        try (Berth source = open("source")) {
            id = source.importRootfs(ImportRequest.tarball(new java.io.ByteArrayInputStream(tar)).reference(name).build())
                    .toString();
            Events events = new Events();
            source.registries().push(PushRequest.builder(name).build(), events);
            assertThat(events.seen.stream().filter(TransferEvent.BlobProgress.class::isInstance).count())
                    .isGreaterThanOrEqualTo(3); // one per 16 MiB chunk
        }
        try (Berth target = open("target")) {
            target.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            assertThat(target.inspect(name).id()).hasToString(id);
        }
    }

    @Test
    void aMissingTagFailsAtOnceWithTheRegistrysCodeNamingTheReference() {
        try (Berth berth = open("store")) {
            assertThatThrownBy(() -> berth.registries().pull(
                    PullRequest.builder(registry.address() + "/berth/absent:9").build(), TransferListener.NONE))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(registry.address() + "/berth/absent:9")
                    .hasMessageContaining("MANIFEST_UNKNOWN");
        }
    }

    @Test
    void aTamperedBlobIsRefusedAndNothingOfItIsKept(BaseImages images) throws IOException {
        // A registry of its own: the other tests push the same layer, which this one corrupts.
        try (LocalRegistry own = LocalRegistry.start(work.resolve("own-registry"))) {
            refusesTampered(own, images);
        }
    }

    private void refusesTampered(LocalRegistry registry, BaseImages images) throws IOException {
        String name = registry.address() + "/berth/tampered:1";
        try (Berth source = open("source")) {
            imported(source, images, name);
            source.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
        }
        Digest layer = layerOf(registry, name);
        Path data = registry.storage().resolve("docker/registry/v2/blobs/sha256/" + layer.hex().substring(0, 2) + "/"
                + layer.hex() + "/data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(data, bytes);
        try (Berth target = open("target")) {
            assertThatThrownBy(() -> target.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining(layer.toString())
                    .hasMessageContaining("nothing was kept");
            assertThat(Files.exists(work.resolve("target/blobs/sha256/" + layer.hex()))).isFalse();
            try (Stream<Path> ingest = Files.list(work.resolve("target/ingest"))) {
                assertThat(ingest).isEmpty();
            }
            assertThat(target.images()).isEmpty();
        }
    }

    @Test
    void transientFailuresAreRetriedAndACutDownloadIsResumed(BaseImages images) throws IOException {
        String name = registry.address() + "/berth/flaky:1";
        String id;
        try (Berth source = open("source")) {
            id = imported(source, images, name);
            source.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
        }
        try (FlakyRegistryProxy proxy = new FlakyRegistryProxy(registry.baseUri(), 2); Berth target = open("target")) {
            Events events = new Events();
            String viaProxy = proxy.address() + "/berth/flaky:1";
            List<PullResult> pulled = target.registries().pull(PullRequest.builder(viaProxy).build(), events);
            assertThat(pulled).hasSize(1);
            assertThat(events.seen).anySatisfy(event -> assertThat(event).isInstanceOf(TransferEvent.Retrying.class));
            assertThat(proxy.rangeRequests.get()).isPositive();
            assertThat(target.inspect(viaProxy).id()).hasToString(id);
        }
    }

    @Test
    void aBuildPullsItsMissingBaseImageAndNeverMeansNever(BaseImages images) throws IOException {
        String base = registry.address() + "/berth/base:1";
        try (Berth source = open("source")) {
            imported(source, images, base);
            source.registries().push(PushRequest.builder(base).build(), TransferListener.NONE);
        }
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nCOPY hello /hello\n");
        Files.writeString(context.resolve("hello"), "hi\n");
        try (Berth builder = open("builder")) {
            assertThatThrownBy(() -> builder.build(BuildRequest.builder(context).pull(PullPolicy.NEVER).build(),
                    event -> { })).hasMessageContaining("berth pull");
            List<String> lines = new CopyOnWriteArrayList<>();
            BuildResult built = builder.build(BuildRequest.builder(context).tags(List.of("built:1")).build(),
                    event -> {
                        if (event instanceof dev.berth.event.BuildEvent.StepOutput output) {
                            lines.add(output.line());
                        }
                    });
            assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("Pull complete"));
            assertThat(builder.inspect("built:1").id()).isEqualTo(built.imageId());

            // The tag moves in the registry: a default build keeps the stored base, --pull=always sees the new one.
            String movedId;
            try (Berth source = open("source")) {
                try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
                    movedId = source.importRootfs(ImportRequest.tarball(rootfs).reference(base)
                            .changes(List.of("ENV MOVED=1")).build()).toString();
                }
                source.registries().push(PushRequest.builder(base).build(), TransferListener.NONE);
            }
            List<Integer> cached = new CopyOnWriteArrayList<>();
            ProgressListener cachedSteps = event -> {
                if (event instanceof dev.berth.event.BuildEvent.StepCached hit) {
                    cached.add(hit.step());
                }
            };
            assertThat(builder.build(BuildRequest.builder(context).build(), cachedSteps).imageId())
                    .isEqualTo(built.imageId());
            assertThat(cached).isNotEmpty();
            cached.clear();
            BuildResult rebuilt = builder.build(BuildRequest.builder(context).pull(PullPolicy.ALWAYS).build(), cachedSteps);
            assertThat(rebuilt.imageId()).isNotEqualTo(built.imageId());
            assertThat(cached).isEmpty();
            assertThat(builder.inspect(base).id()).hasToString(movedId);
        }
    }

    @Test
    void aDockerHubNameIsPulledFromTheConfiguredMirror(BaseImages images) throws IOException {
        String id;
        try (Berth source = open("source")) {
            id = imported(source, images, registry.address() + "/library/berth-mirrored:1");
            source.registries().push(PushRequest.builder(registry.address() + "/library/berth-mirrored:1").build(),
                    TransferListener.NONE);
        }
        Files.createDirectories(work.resolve("config/berth"));
        Files.writeString(work.resolve("config/berth/registries.json"),
                "{\"registry-mirrors\": [\"http://" + registry.address() + "\"]}");
        try (Berth target = open("target")) {
            assertThat(target.registries().configFile()).isEqualTo(work.resolve("config/berth/registries.json"));
            List<PullResult> pulled = target.registries().pull(PullRequest.builder("berth-mirrored:1").build(),
                    TransferListener.NONE);
            assertThat(pulled).extracting(PullResult::reference).containsExactly("docker.io/library/berth-mirrored:1");
            assertThat(target.inspect("berth-mirrored:1").id()).hasToString(id);
        }
    }

    /** The one layer of a pushed image, from the registry's own manifest. */
    private static Digest layerOf(LocalRegistry registry, String name) throws IOException {
        String repository = name.substring(name.indexOf('/') + 1, name.lastIndexOf(':'));
        String tag = name.substring(name.lastIndexOf(':') + 1);
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var request = java.net.http.HttpRequest.newBuilder(registry.baseUri().resolve("/v2/" + repository
                    + "/manifests/" + tag)).header("Accept", "application/vnd.oci.image.manifest.v1+json").build();
            String body = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return Digest.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)
                    .at("/layers/0/digest").asText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
