package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.event.TransferListener;
import dev.berth.image.Compression;
import dev.berth.image.Digest;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Berth's registry client against other clients of the same registry: Docker, skopeo, an index made by hand. */
@ExtendWith(IntegrationFixtures.class)
class RegistryInteropIT {

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
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        return Berth.open(Settings.builder().root(work.resolve(store)).environment(environment)
                .runtimeState(work.resolve("state")).build());
    }

    private static void importBusybox(Berth berth, BaseImages images, String name, String cmd) throws IOException {
        try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(rootfs).reference(name).changes(List.of("CMD " + cmd)).build());
        }
    }

    private String runInBerth(Berth berth, String image) throws IOException {
        Path out = work.resolve("out-" + UUID.randomUUID());
        int exit = berth.run(RunRequest.builder(image).network(ContainerNetwork.NONE)
                .streams(new RunRequest.Streams.ToFiles(out, work.resolve("err"))).build()).exitCode();
        assertThat(exit).isZero();
        return Files.readString(out);
    }

    @Test
    void anImageBerthBuiltAndPushedIsPulledAndRunByDocker(DockerEngine docker, BaseImages images) throws IOException {
        String base = "berth-it/base:1";
        String name = registry.address() + "/berth/built:" + UUID.randomUUID().toString().substring(0, 8);
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nCOPY greeting /greeting\nCMD [\"cat\", \"/greeting\"]\n");
        Files.writeString(context.resolve("greeting"), "built by berth, run by docker\n");
        try (Berth berth = open("store")) {
            importBusybox(berth, images, base, "[\"sh\"]");
            berth.build(BuildRequest.builder(context).tags(List.of(name)).build(), event -> { });
            berth.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
        }
        try {
            docker.docker("pull", name).orThrow();
            assertThat(docker.docker("run", "--rm", "--network", "none", name).orThrow().stdout())
                    .isEqualTo("built by berth, run by docker\n");
        } finally {
            docker.docker("rmi", "-f", name);
        }
    }

    @Test
    void anImageDockerPushedInItsV22FormatIsPulledAndRunByBerth(DockerEngine docker, BaseImages images) throws IOException {
        String name = registry.address() + "/berth/docker-pushed:" + UUID.randomUUID().toString().substring(0, 8);
        try {
            docker.docker("import", "-c", "CMD [\"echo\", \"pushed by docker\"]", images.busyboxRootfs().toString(), name)
                    .orThrow();
            docker.docker("push", name).orThrow();
        } finally {
            docker.docker("rmi", "-f", name);
        }
        try (Berth berth = open("store")) {
            berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            assertThat(runInBerth(berth, name)).isEqualTo("pushed by docker\n");
        }
    }

    @Test
    void anImageSkopeoCopiedFromAnOciLayoutIsPulledAndRunByBerth(BaseImages images) throws IOException {
        String local = "berth-it/skopeo-source:1";
        try (Berth berth = open("layout")) {
            importBusybox(berth, images, local, "[\"echo\", \"copied by skopeo\"]");
        }
        String name = registry.address() + "/berth/skopeo:1";
        // The store is an OCI layout: skopeo reads it as it is (its layer is uncompressed, as builds write them).
        HostCommand.of("skopeo", "copy", "--dest-tls-verify=false",
                "oci:" + work.resolve("layout") + ":docker.io/" + local, "docker://" + name).run().orThrow();
        try (Berth berth = open("store")) {
            berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            assertThat(runInBerth(berth, name)).isEqualTo("copied by skopeo\n");
        }
    }

    @Test
    void aZstdPushIsAnOciManifestPulledAndRunByBerthAndCopiedBySkopeoWithEveryDigestVerified(BaseImages images)
            throws Exception {
        String name = registry.address() + "/berth/zstd:1";
        PushResult pushed;
        try (Berth berth = open("source")) {
            importBusybox(berth, images, name, "[\"echo\", \"pushed with zstd\"]");
            pushed = berth.registries().push(PushRequest.builder(name).compressionFormat(Compression.ZSTD)
                    .compressionLevel(5).build(), TransferListener.NONE);
            long blobs = blobCount(work.resolve("source/blobs/sha256"));
            berth.tag(name, registry.address() + "/berth/zstd:2");
            PushResult again = berth.registries().push(PushRequest.builder(registry.address() + "/berth/zstd:2")
                    .compressionFormat(Compression.ZSTD).compressionLevel(5).build(), TransferListener.NONE);
            assertThat(again.digest()).isEqualTo(pushed.digest());
            assertThat(blobCount(work.resolve("source/blobs/sha256"))).as("nothing compressed again").isEqualTo(blobs);
        }
        JsonNode manifest;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                    registry.baseUri().resolve("/v2/berth/zstd/manifests/1"))
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(Digest.sha256(response.body())).isEqualTo(pushed.digest());
            manifest = new ObjectMapper().readTree(response.body());
        }
        assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.path("layers").get(0).path("mediaType").asText())
                .isEqualTo("application/vnd.oci.image.layer.v1.tar+zstd");
        try (Berth berth = open("store")) {
            berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            assertThat(runInBerth(berth, name)).isEqualTo("pushed with zstd\n");
        }
        Path layout = work.resolve("skopeo-layout");
        HostCommand.of("skopeo", "copy", "--src-tls-verify=false", "docker://" + name, "oci:" + layout + ":zstd").run()
                .orThrow();
        try (var files = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path blob : files.toList()) {
                assertThat(Digest.sha256(Files.readAllBytes(blob)).hex()).as(blob.toString())
                        .isEqualTo(blob.getFileName().toString());
            }
        }
        assertThat(layout.resolve("blobs/sha256").resolve(pushed.digest().hex())).as("the manifest byte for byte").exists();
        assertThat(layout.resolve("blobs/sha256").resolve(
                Digest.parse(manifest.path("layers").get(0).path("digest").asText()).hex())).exists();
    }

    @Test
    void anIndexIsResolvedToTheHostsPlatformOrTheOneAsked(BaseImages images) throws Exception {
        String amd = registry.address() + "/berth/multi:amd64";
        String arm = registry.address() + "/berth/multi:arm64";
        String amdId;
        String armId;
        try (Berth berth = open("source")) {
            importBusybox(berth, images, amd, "[\"echo\", \"amd64\"]");
            importBusybox(berth, images, arm, "[\"echo\", \"arm64\"]");
            amdId = berth.inspect(amd).id().toString();
            armId = berth.inspect(arm).id().toString();
            berth.registries().push(PushRequest.builder(amd).build(), TransferListener.NONE);
            berth.registries().push(PushRequest.builder(arm).build(), TransferListener.NONE);
        }
        String body = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + descriptor("amd64") + "," + descriptor("arm64") + "]}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            int status = client.send(HttpRequest.newBuilder(registry.baseUri().resolve("/v2/berth/multi/manifests/both"))
                    .header("Content-Type", "application/vnd.oci.image.index.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isEqualTo(201);
        }
        String both = registry.address() + "/berth/multi:both";
        try (Berth berth = open("store")) {
            berth.registries().pull(PullRequest.builder(both).platform("linux/arm64").build(), TransferListener.NONE);
            assertThat(berth.inspect(both).id()).hasToString(armId);
            berth.registries().pull(PullRequest.builder(both).platform("linux/amd64").build(), TransferListener.NONE);
            assertThat(berth.inspect(both).id()).hasToString(amdId);
        }
    }

    /** The index entry for tag {@code arch}, with its platform, from the registry's own manifest. */
    private static String descriptor(String arch) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                    URI.create(registry.baseUri() + "/v2/berth/multi/manifests/" + arch))
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
            String digest = response.headers().firstValue("Docker-Content-Digest").orElseThrow();
            String type = new ObjectMapper().readTree(response.body()).path("mediaType").asText();
            return "{\"mediaType\":\"" + type + "\",\"digest\":\"" + digest + "\",\"size\":" + response.body().length
                    + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"" + arch + "\"}}";
        }
    }

    private static long blobCount(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }
}
