package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OciLayoutTest {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final IndexDescriptor ONE = new IndexDescriptor(MANIFEST, digest('1'), 100);
    static final IndexDescriptor TWO = new IndexDescriptor(MANIFEST, digest('2'), 200);
    static final String BUSYBOX = "docker.io/library/busybox:latest";

    @TempDir
    Path root;

    private LocalStore store;
    private OciLayout images;

    @BeforeEach
    void open() {
        store = LocalStore.open(new StoreLayout(root));
        images = store.images();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void newStoreHasLayoutFilesAndAnEmptyIndex() throws IOException {
        assertThat(root.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(root.resolve("index.json")).hasContent(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
        assertThat(images.list()).isEmpty();
    }

    /** Regression: tagging an image its tag already names rewrote and synced {@code index.json}. */
    @Test
    void taggingWhatIsAlreadyTaggedWritesNothing() throws IOException {
        images.tag(BUSYBOX, ONE);
        images.tag("docker.io/library/app:1", TWO);
        Path index = root.resolve("index.json");
        String content = Files.readString(index);
        Object file = Files.readAttributes(index, BasicFileAttributes.class).fileKey();

        images.tag(BUSYBOX, ONE);
        images.addUntagged(TWO);

        assertThat(Files.readAttributes(index, BasicFileAttributes.class).fileKey()).isEqualTo(file);
        assertThat(index).hasContent(content);
        images.tag(BUSYBOX, TWO);
        assertThat(Files.readAttributes(index, BasicFileAttributes.class).fileKey()).isNotEqualTo(file);
        assertThat(images.resolve(BUSYBOX)).contains(TWO);
    }

    @Test
    void tagIsARefNameAnnotation() throws IOException {
        images.tag(BUSYBOX, ONE);

        assertThat(images.resolve(BUSYBOX)).contains(ONE);
        assertThat(Files.readString(root.resolve("index.json"))).isEqualTo(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                        + "{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + ONE.digest() + "\",\"size\":100,"
                        + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + BUSYBOX + "\"}}]}");
    }

    @Test
    void retagMovesTheNameAndLeavesTheOldImageDangling() {
        images.tag(BUSYBOX, ONE);
        images.tag(BUSYBOX, TWO);

        assertThat(images.resolve(BUSYBOX)).contains(TWO);
        assertThat(images.list()).containsExactly(
                new IndexEntry(TWO, Optional.of(BUSYBOX)), new IndexEntry(ONE, Optional.empty()));
    }

    @Test
    void retagWhileAnotherNameHoldsTheImageLeavesNoDanglingEntry() {
        images.tag(BUSYBOX, ONE);
        images.tag("example.com/app:1", ONE);
        images.tag(BUSYBOX, TWO);

        assertThat(images.list()).containsExactly(
                new IndexEntry(ONE, Optional.of("example.com/app:1")), new IndexEntry(TWO, Optional.of(BUSYBOX)));
    }

    @Test
    void untagRemovesOnlyThatName() {
        images.tag(BUSYBOX, ONE);
        images.tag("example.com/app:1", ONE);

        assertThat(images.untag(BUSYBOX)).isTrue();
        assertThat(images.untag(BUSYBOX)).isFalse();
        assertThat(images.resolve(BUSYBOX)).isEmpty();
        assertThat(images.resolve("example.com/app:1")).contains(ONE);
    }

    @Test
    void aTagAndItsRepoDigestAreRecordedInOneRewriteAndMoveTogether() throws IOException {
        String digestName = "docker.io/library/busybox@" + digest('9');
        images.tag(List.of(BUSYBOX, digestName), ONE);
        assertThat(images.list()).containsExactly(
                new IndexEntry(ONE, Optional.of(BUSYBOX)), new IndexEntry(ONE, Optional.of(digestName)));
        Object file = Files.readAttributes(root.resolve("index.json"), BasicFileAttributes.class).fileKey();
        images.tag(List.of(BUSYBOX, digestName), ONE);
        assertThat(Files.readAttributes(root.resolve("index.json"), BasicFileAttributes.class).fileKey()).isEqualTo(file);

        images.tag(List.of(BUSYBOX, digestName), TWO);
        assertThat(images.list()).containsExactly(new IndexEntry(TWO, Optional.of(BUSYBOX)),
                new IndexEntry(TWO, Optional.of(digestName)), new IndexEntry(ONE, Optional.empty()));
    }

    @Test
    void aListWithAnInvalidNameWritesNothing() throws IOException {
        images.tag(BUSYBOX, ONE);
        String before = Files.readString(root.resolve("index.json"));
        assertThatThrownBy(() -> images.tag(List.of("example.com/app:1", "-bad"), TWO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("index.json")).hasContent(before);
    }

    @Test
    void untaggingSeveralNamesKeepsTheImageDanglingOnce() {
        String digestName = "docker.io/library/busybox@" + digest('9');
        images.tag(List.of(BUSYBOX, digestName), ONE);
        images.tag("example.com/app:1", TWO);

        assertThat(images.untag(List.of(BUSYBOX, digestName, "example.com/none:1"))).isEqualTo(2);
        assertThat(images.list()).containsExactly(new IndexEntry(TWO, Optional.of("example.com/app:1")),
                new IndexEntry(ONE, Optional.empty()));
    }

    @Test
    void removeDropsEveryEntryOfTheImage() {
        images.tag(BUSYBOX, ONE);
        images.tag("example.com/app:1", ONE);
        images.tag("example.com/app:2", TWO);

        assertThat(images.remove(ONE.digest())).hasSize(2);
        assertThat(images.list()).containsExactly(new IndexEntry(TWO, Optional.of("example.com/app:2")));
    }

    @Test
    void addUntaggedListsOnce() {
        images.addUntagged(ONE);
        images.addUntagged(ONE);

        assertThat(images.list()).containsExactly(new IndexEntry(ONE, Optional.empty()));
    }

    @Test
    void fieldsBerthDoesNotModelSurviveARewrite() throws IOException {
        String foreign = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\""
                + ONE.digest() + "\",\"size\":100,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"},"
                + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\",\"com.example\":\"x\"}}],"
                + "\"annotations\":{\"made.by\":\"umoci\"}}";
        Files.writeString(root.resolve("index.json"), foreign, StandardCharsets.UTF_8);

        images.tag(BUSYBOX, TWO);

        assertThat(Files.readString(root.resolve("index.json"))).isEqualTo(foreign.replace("}}],",
                "}},{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + TWO.digest() + "\",\"size\":200,"
                        + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + BUSYBOX + "\"}}],"));
    }

    @Test
    void corruptIndexIsAStoreErrorNamingTheFile() throws IOException {
        Files.writeString(root.resolve("index.json"), "{\"manifests\":[{\"digest\":", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> images.list())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("reading " + root.resolve("index.json") + ": not an OCI image index: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "busybox:", "/busybox", "busybox//x", "a b", "Ünïcode", "x:y-", "tag\n", "a/-b"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> images.tag(name, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid image name \"" + name + "\"");
        assertThat(images.list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "busybox", "docker.io/library/busybox:latest", "localhost:5000/a/b:1.0",
            "repo@sha256:abc", "a--b", "a__b.c", "a---b"})
    void validNamesAreAccepted(String name) {
        images.tag(name, ONE);
        assertThat(images.list()).isEqualTo(List.of(new IndexEntry(ONE, Optional.of(name))));
    }

    static Digest digest(char fill) {
        return Digest.parse("sha256:" + String.valueOf(fill).repeat(64));
    }
}
