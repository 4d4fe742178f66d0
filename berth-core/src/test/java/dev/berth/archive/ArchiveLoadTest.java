package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.ArchiveImage;
import dev.berth.api.Berth;
import dev.berth.api.Settings;
import dev.berth.error.TransferException;
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
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Archives made by hand: the layout older Docker writes, compressed layers, and hostile archives. */
class ArchiveLoadTest {

    static final byte[] LAYER = new TarBuilder().file("etc/hostname", "box\n").build();
    static final Digest DIFF_ID = Digest.sha256(LAYER);
    /** Not canonical on purpose (spaces, key order): the ID must be the digest of these exact bytes. */
    static final byte[] CONFIG = ("{ \"os\": \"linux\", \"architecture\": \"amd64\", \"config\": {\"Cmd\": [\"sh\"]},"
            + " \"rootfs\": {\"type\": \"layers\", \"diff_ids\": [\"" + DIFF_ID + "\", \"" + DIFF_ID + "\"]},"
            + " \"docker_version\": \"20.10.7\" }").getBytes(StandardCharsets.UTF_8);
    static final Digest ID = Digest.sha256(CONFIG);

    @TempDir
    Path root;
    Berth berth;

    @BeforeEach
    void open() {
        berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build());
    }

    @AfterEach
    void close() {
        berth.close();
    }

    static String manifestJson(String config, String... layers) {
        return "[{\"Config\":\"" + config + "\",\"RepoTags\":[\"busybox:old\"],\"Layers\":[\""
                + String.join("\",\"", layers) + "\"]}]";
    }

    /** {@code docker save} before Docker 25: {@code <id>.json} configs, {@code <v1 id>/layer.tar}, a linked repeat. */
    static TarBuilder oldLayout() {
        return new TarBuilder()
                .dir("aaa")
                .file("aaa/VERSION", "1.0")
                .file("aaa/json", "{}")
                .file("aaa/layer.tar", LAYER)
                .dir("bbb")
                .symlink("bbb/layer.tar", "../aaa/layer.tar")
                .file(ID.hex() + ".json", CONFIG)
                .file("repositories", "{\"busybox\":{\"old\":\"bbb\"}}")
                .file("manifest.json", manifestJson(ID.hex() + ".json", "aaa/layer.tar", "bbb/layer.tar"));
    }

    @Test
    void loadsTheLayoutOlderDockerWrites() {
        List<ArchiveImage> loaded = berth.load(new ByteArrayInputStream(oldLayout().build()));
        assertThat(loaded).extracting(ArchiveImage::id).containsExactly(ID);
        assertThat(loaded.getFirst().names()).containsExactly("docker.io/library/busybox:old");
        assertThat(berth.inspect("busybox:old").dockerVersion()).isEqualTo("20.10.7");
        assertThat(berth.inspect("busybox:old").containerConfigJson()).isEqualTo("{\"Cmd\":[\"sh\"]}");
        // Docker's size: each layer's content once applied (etc/hostname, 4 bytes), not the tar's length.
        assertThat(berth.images().getFirst().size()).isEqualTo(2L * 4);
    }

    @Test
    void inspectTakesTheNewestHistoryCommentWhenTheImageHasNoneAndKeepsTheConfigBytes() {
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"history\":[{\"comment\":\"old\"},"
                + "{\"comment\":\"newest\",\"empty_layer\":true}],"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + DIFF_ID + "\"]}}";
        berth.load(new ByteArrayInputStream(new TarBuilder().file("layer.tar", LAYER).file("config.json", config)
                .file("manifest.json", manifestJson("config.json", "layer.tar")).build()));
        // Docker's API does the same fallback, so inspect's Comment is the history's.
        assertThat(berth.inspect("busybox:old").comment()).isEqualTo("newest");
        assertThat(berth.inspect("busybox:old").configJson()).isEqualTo(config);
    }

    @Test
    void keepsACompressedLayerAsItIsAndChecksItsContent() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(LAYER);
        }
        byte[] archive = new TarBuilder()
                .file("layer.tar.gz", gzipped.toByteArray())
                .file("config.json", CONFIG)
                .file("manifest.json", manifestJson("config.json", "layer.tar.gz", "layer.tar.gz"))
                .build();
        berth.load(new ByteArrayInputStream(archive));
        assertThat(berth.images().getFirst().size()).isEqualTo(2L * 4);
        assertThat(berth.inspect("busybox:old").id()).isEqualTo(ID);
    }

    static Stream<Arguments> hostileArchives() {
        byte[] otherLayer = new TarBuilder().file("evil", "x").build();
        byte[] fakeIndex = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + ID + "\",\"size\":3}]}")
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                hostile("an entry name with ..", () -> oldLayout().file("../escape", "x"), "leads outside the archive"),
                hostile("an absolute entry name", () -> oldLayout().file("/etc/cron.d/x", "x"), "is absolute"),
                hostile("a layer linked to an absolute path", () -> new TarBuilder()
                        .symlink("aaa/layer.tar", "/etc/shadow").file("c.json", CONFIG)
                        .file("manifest.json", manifestJson("c.json", "aaa/layer.tar", "aaa/layer.tar")),
                        "points to the absolute path /etc/shadow"),
                hostile("a link climbing out", () -> new TarBuilder().symlink("aaa/layer.tar", "../../x"),
                        "points outside the archive"),
                hostile("a layer whose content the config does not list", () -> new TarBuilder()
                        .file("l.tar", otherLayer).file("c.json", CONFIG)
                        .file("manifest.json", manifestJson("c.json", "l.tar", "l.tar")),
                        "but the config expects " + DIFF_ID),
                hostile("a name twice", () -> oldLayout().file("aaa/json", "{}"), "holds aaa/json twice"),
                hostile("a fifo", () -> oldLayout().fifo("pipe"), "pipe is neither a file"),
                hostile("a blob not matching its name", () -> new TarBuilder()
                        .file("blobs/sha256/" + ID.hex(), "abc").file("index.json", fakeIndex),
                        "holds no blob with digest " + ID),
                hostile("no manifest", () -> new TarBuilder().file("hello", "x"), "neither manifest.json"),
                hostile("a missing config", () -> new TarBuilder().file("manifest.json", manifestJson("c.json", "l")),
                        "names c.json but holds no such file"),
                hostile("a link loop", () -> new TarBuilder().symlink("a", "b").symlink("b", "a").file("c.json", CONFIG)
                        .file("manifest.json", manifestJson("c.json", "a", "a")), "more than 16 steps"));
    }

    static Arguments hostile(String name, Supplier<TarBuilder> archive, String message) {
        return Arguments.of(name, archive, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void refusesAHostileArchiveAndStoresNoImage(String name, Supplier<TarBuilder> archive, String message)
            throws IOException {
        assertThatThrownBy(() -> berth.load(new ByteArrayInputStream(archive.get().build())))
                .isInstanceOf(TransferException.class)
                .hasMessageStartingWith("refusing the image archive: ")
                .hasMessageContaining(message);
        assertThat(berth.images()).isEmpty();
        assertThat(blobs()).as("blobs the refused load had stored").isEmpty();
    }

    @Test
    void aRefusedLoadRemovesTheBlobsItAddedAndKeepsThoseImagesUse() throws IOException {
        berth.load(new ByteArrayInputStream(oldLayout().build()));
        List<String> kept = blobs();
        // Layers are stored as they are verified: the new one is stored before the third one is refused.
        byte[] newLayer = new TarBuilder().file("new", "verified, then stored").build();
        byte[] strayLayer = new TarBuilder().file("stray", "not listed by the config").build();
        byte[] config = ("{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + DIFF_ID + "\",\"" + Digest.sha256(newLayer) + "\",\"" + DIFF_ID + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] refused = new TarBuilder()
                .file("shared.tar", LAYER).file("new.tar", newLayer).file("stray.tar", strayLayer).file("c.json", config)
                .file("manifest.json", manifestJson("c.json", "shared.tar", "new.tar", "stray.tar"))
                .build();

        assertThatThrownBy(() -> berth.load(new ByteArrayInputStream(refused)))
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("layer 3 (" + Digest.sha256(strayLayer) + ") has content");

        assertThat(blobs()).containsExactlyElementsOf(kept).doesNotContain(Digest.sha256(newLayer).hex());
        assertThat(berth.inspect("busybox:old").id()).isEqualTo(ID);
    }

    private List<String> blobs() throws IOException {
        try (Stream<Path> files = java.nio.file.Files.list(root.resolve("blobs/sha256"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
