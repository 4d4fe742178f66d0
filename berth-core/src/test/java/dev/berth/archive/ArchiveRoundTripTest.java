package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.ArchiveImage;
import dev.berth.api.Berth;
import dev.berth.api.ImageDetails;
import dev.berth.api.ImportRequest;
import dev.berth.api.SaveFormat;
import dev.berth.api.Settings;
import dev.berth.image.Digest;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveRoundTripTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final byte[] ROOTFS = new TarBuilder().file("hello", "hi\n").build();

    @TempDir
    Path source;
    @TempDir
    Path target;

    Berth from;
    Berth to;

    @BeforeEach
    void open() {
        from = Berth.open(Settings.builder().root(source).clock(CLOCK).build());
        to = Berth.open(Settings.builder().root(target).clock(CLOCK).build());
    }

    @AfterEach
    void close() {
        from.close();
        to.close();
    }

    @Test
    void dockerArchiveHasDockersFilesInAFixedOrder() throws IOException {
        Digest id = from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .message("m").build());
        Digest manifest = from.images().getFirst().manifest();
        Map<String, String> files = entries(save(SaveFormat.DOCKER, "busybox"));
        Digest layer = Digest.sha256(ROOTFS);
        assertThat(files.keySet()).containsExactly("blobs/", "blobs/sha256/", "blobs/sha256/" + manifest.hex(),
                "blobs/sha256/" + id.hex(), "blobs/sha256/" + layer.hex(), "oci-layout", "index.json",
                "manifest.json", "repositories");
        assertThat(files.get("manifest.json")).isEqualTo("[{\"Config\":\"blobs/sha256/" + id.hex()
                + "\",\"RepoTags\":[\"busybox:latest\"],\"Layers\":[\"blobs/sha256/" + layer.hex() + "\"]}]");
        assertThat(files.get("repositories")).isEqualTo("{\"busybox\":{\"latest\":\"" + layer.hex() + "\"}}");
        assertThat(files.get("index.json")).isEqualTo("{\"schemaVersion\":2,\"mediaType\":"
                + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifest + "\",\"size\":"
                + files.get("blobs/sha256/" + manifest.hex()).length() + ",\"annotations\":{"
                + "\"io.containerd.image.name\":\"docker.io/library/busybox:latest\","
                + "\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
        assertThat(files.get("oci-layout")).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    @Test
    void savingTwiceGivesTheSameBytes() {
        from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .message("m").build());
        assertThat(save(SaveFormat.DOCKER, "busybox")).isEqualTo(save(SaveFormat.DOCKER, "busybox"));
    }

    @Test
    void ociArchiveHasNoDockerFiles() throws IOException {
        from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .message("m").build());
        assertThat(entries(save(SaveFormat.OCI, "busybox"))).doesNotContainKeys("manifest.json", "repositories")
                .containsKeys("index.json", "oci-layout");
    }

    @ParameterizedTest
    @EnumSource(SaveFormat.class)
    void anImageSavedAndLoadedKeepsItsIdManifestAndNames(SaveFormat format) {
        Digest id = from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .changes(List.of("CMD sh")).message("m").build());
        from.tag("busybox", "example.com/team/app:2");
        Digest manifest = from.images().getFirst().manifest();
        List<ArchiveImage> loaded = to.load(new ByteArrayInputStream(save(format, "busybox", "example.com/team/app:2")));
        assertThat(loaded).containsExactly(new ArchiveImage(id, manifest,
                List.of("docker.io/library/busybox:latest", "example.com/team/app:2")));
        ImageDetails details = to.inspect("example.com/team/app:2");
        assertThat(details).isEqualTo(withTags(from.inspect("busybox"), details.repoTags()));
        assertThat(details.repoTags()).containsExactlyInAnyOrder("busybox:latest", "example.com/team/app:2");
    }

    @Test
    void anImageSavedByIdLoadsWithAllItsNames() {
        Digest id = from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .message("m").build());
        to.load(new ByteArrayInputStream(save(SaveFormat.DOCKER, id.toString())));
        assertThat(to.inspect("busybox").id()).isEqualTo(id);
    }

    @Test
    void aGzippedArchiveLoads() throws IOException {
        Digest id = from.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("busybox")
                .message("m").build());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(save(SaveFormat.DOCKER, "busybox"));
        }
        assertThat(to.load(new ByteArrayInputStream(compressed.toByteArray()))).extracting(ArchiveImage::id)
                .containsExactly(id);
    }

    private static ImageDetails withTags(ImageDetails details, List<String> tags) {
        return new ImageDetails(details.id(), tags, details.repoDigests(), details.comment(), details.created(),
                details.dockerVersion(), details.author(), details.containerConfigJson(), details.architecture(),
                details.variant(), details.os(), details.size(), details.rootFsType(), details.diffIds(),
                details.configJson());
    }

    private byte[] save(SaveFormat format, String... images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        from.save(List.of(images), format, out);
        return out.toByteArray();
    }

    static Map<String, String> entries(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static List<String> names(List<ArchiveImage> loaded) {
        List<String> names = new ArrayList<>();
        loaded.forEach(image -> names.addAll(image.names()));
        return names;
    }
}
