package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repo digests ({@code NAME@sha256:…}, what pulls and pushes record next to a tag) in listings, {@code rmi},
 * {@code image prune} and {@code save}, as Docker treats them. The names are written to the store as the registry
 * code writes them; {@code RegistryTransferIT} records them through real pulls and pushes.
 */
class RepoDigestsTest {

    static final String APP = "127.0.0.1:5000/app";
    static final Digest D1 = Digest.parse("sha256:" + "1".repeat(64));
    static final Digest D2 = Digest.parse("sha256:" + "2".repeat(64));

    @TempDir
    Path root;

    Berth berth;

    @BeforeEach
    void open() {
        berth = Berth.open(Settings.builder().root(root).build());
    }

    @AfterEach
    void close() {
        berth.close();
    }

    Digest importImage(String name, String env) {
        byte[] rootfs = new TarBuilder().file("hello", "hi\n").build();
        return berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(rootfs)).reference(name)
                .changes(List.of("ENV X=" + env)).build());
    }

    /** Names {@code image}'s manifest {@code NAME@DIGEST}, as a pull or push does, through the store itself. */
    void recordDigest(String image, String name, Digest digest) {
        berth.close();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            IndexDescriptor descriptor = store.images().resolve(ImageCatalog.referenceName(image).orElseThrow()).orElseThrow();
            store.images().tag(name + "@" + digest, descriptor);
        }
        open();
    }

    @Test
    void aTagsRowCarriesItsRepositorysDigestsAndNoExtraRowIsListed() {
        Digest id = importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        recordDigest(APP + ":1", APP, D2);
        assertThat(berth.images()).singleElement().satisfies(row -> {
            assertThat(row.repository()).contains(APP);
            assertThat(row.tag()).contains("1");
            assertThat(row.digests()).containsExactly(D1, D2);
            assertThat(row.isDangling()).isFalse();
        });
        ImageDetails details = berth.inspect(APP + ":1");
        assertThat(details.repoTags()).containsExactly(APP + ":1");
        assertThat(details.repoDigests()).containsExactly(APP + "@" + D1, APP + "@" + D2);
        assertThat(berth.inspect(APP + "@" + D1).id()).isEqualTo(id);
    }

    @Test
    void anImageWhoseTagMovedKeepsItsDigestAsRepoNoneAndIsDangling() {
        Digest old = importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        importImage(APP + ":1", "2");
        ImageSummary row = berth.images().stream().filter(r -> r.id().equals(old)).findFirst().orElseThrow();
        assertThat(row.repository()).contains(APP);
        assertThat(row.tag()).isEmpty();
        assertThat(row.digests()).containsExactly(D1);
        assertThat(row.isDangling()).isTrue();
        // Docker's image prune takes an image without tags even when it keeps repo digests.
        assertThat(berth.pruneImages(false).removed())
                .containsExactly(new RemovedImage(List.of(APP + "@" + D1), List.of(old)));
        assertThat(berth.images()).extracting(ImageSummary::tag).containsExactly(Optional.of("1"));
    }

    @Test
    void removingTheLastTagTakesTheRepositorysDigestsAndTheImage() {
        Digest id = importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        recordDigest(APP + ":1", "docker.io/library/other", D2);
        assertThat(berth.remove(APP + ":1", false)).isEqualTo(new RemovedImage(List.of(APP + ":1", APP + "@" + D1), List.of()));
        assertThat(berth.inspect(id.toString()).repoDigests()).containsExactly("other@" + D2);
        assertThat(berth.remove("other@" + D2, false)).isEqualTo(new RemovedImage(List.of("other@" + D2), List.of(id)));
        assertThat(berth.images()).isEmpty();
    }

    @Test
    void removingADigestLeavesTheTag() {
        importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        assertThat(berth.remove(APP + "@" + D1, false)).isEqualTo(new RemovedImage(List.of(APP + "@" + D1), List.of()));
        assertThat(berth.inspect(APP + ":1").repoDigests()).isEmpty();
    }

    /**
     * Regression (review of repo digests): {@code rmi APP@DIGEST} of an image a container uses took the name, where
     * Docker refuses any name of a single reference's image unless forced; of two tags, one may go.
     */
    @Test
    void aNameOfASingleReferenceImageAContainerUsesNeedsForce() {
        Digest id = importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        berth.close();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            var user = new ContainerSummary("c".repeat(64), "web", APP + ":1", id, List.of("sh"), Instant.EPOCH,
                    "exited", "Exited (0)", OptionalInt.of(0), Map.of());
            var pruner = new ImagePruner(store, new ImageCatalog(store, ImageJson.standard()),
                    ImageUsage.NO_CONTAINERS, image -> image.equals(id) ? List.of(user) : List.of());
            assertThatThrownBy(() -> pruner.remove(APP + "@" + D1, false)).isInstanceOf(ConflictException.class)
                    .hasMessage("conflict: unable to remove repository reference \"" + APP + "@" + D1
                            + "\" (must force) - container cccccccccccc is using its referenced image " + id.shortHex());
            store.images().tag(APP + ":2", store.images().resolve(APP + ":1").orElseThrow());
            assertThat(pruner.remove(APP + ":2", false)).isEqualTo(new RemovedImage(List.of(APP + ":2"), List.of()));
            assertThat(pruner.remove(APP + "@" + D1, true).deleted()).isEmpty();
        }
        open();
    }

    @Test
    void removingByIdATagWithItsOwnDigestsNeedsNoForce() {
        Digest id = importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        assertThat(berth.remove(id.shortHex(), false))
                .isEqualTo(new RemovedImage(List.of(APP + ":1", APP + "@" + D1), List.of(id)));
    }

    @Test
    void saveWritesTagsOnlyAsDockerSaveDoes() {
        importImage(APP + ":1", "1");
        recordDigest(APP + ":1", APP, D1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        berth.save(List.of(APP + ":1"), SaveFormat.DOCKER, out);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).doesNotContain(APP + "@");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        berth.save(List.of(berth.inspect(APP + ":1").id().toString()), SaveFormat.DOCKER, all);
        assertThat(all.toString(StandardCharsets.ISO_8859_1)).contains("\"RepoTags\":[\"" + APP + ":1\"]")
                .doesNotContain(APP + "@");
    }
}
