package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo and umoci read a layout this store wrote, tags included. */
class OciToolsIT {

    static final String NAME = "docker.io/library/hello:latest";

    @TempDir
    Path root;

    private BlobInfo manifest;
    private BlobInfo layer;

    @BeforeEach
    void writeImage() throws IOException {
        byte[] tar = tarWithOneFile("hello.txt", "hello from berth\n");
        byte[] gzipped = gzip(tar);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            layer = put(store, gzipped);
            BlobInfo config = put(store, ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello\"]},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(tar) + "\"]}}")
                    .getBytes(StandardCharsets.UTF_8));
            manifest = put(store, ("{\"schemaVersion\":2,\"mediaType\":\"" + OciLayoutTest.MANIFEST + "\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                    + config.digest() + "\",\"size\":" + config.size() + "},"
                    + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                    + layer.digest() + "\",\"size\":" + layer.size() + "}]}").getBytes(StandardCharsets.UTF_8));
            store.images().tag(NAME, new IndexDescriptor(OciLayoutTest.MANIFEST, manifest.digest(), manifest.size()));
        }
    }

    @Test
    void skopeoInspectsTheTaggedImage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/skopeo")), "skopeo is not installed");

        String output = run("/usr/bin/skopeo", "inspect", "oci:" + root + ":" + NAME);

        JsonNode inspected = new ObjectMapper().readTree(output);
        assertThat(inspected.path("Digest").asText()).isEqualTo(manifest.digest().toString());
        assertThat(inspected.path("Layers").get(0).asText()).isEqualTo(layer.digest().toString());
        assertThat(inspected.path("Os").asText()).isEqualTo("linux");
    }

    @Test
    void umociListsTheTag() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/umoci")), "umoci is not installed");

        assertThat(run("/usr/bin/umoci", "ls", "--layout", root.toString())).isEqualTo(NAME + "\n");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s said: %s", command[0], output).isZero();
        return output;
    }

    private static BlobInfo put(LocalStore store, byte[] bytes) throws IOException {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(bytes);
            return ingester.commit(Optional.of(Digest.sha256(bytes)));
        }
    }

    private static byte[] tarWithOneFile(String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(bytes.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
