package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.archive.HostPlatform;
import dev.berth.error.ConflictException;
import dev.berth.error.InvalidInputException;
import dev.berth.error.NotFoundException;
import dev.berth.image.Digest;
import dev.berth.store.StoreLayout;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BerthImagesTest {

    static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    static final byte[] ROOTFS = new TarBuilder().dir("bin").file("bin/hello", "#!/bin/sh\necho hi\n").build();

    @TempDir
    Path root;

    final Set<Digest> inUse = ConcurrentHashMap.newKeySet();
    Berth berth;

    @BeforeEach
    void open() {
        berth = Berth.open(Settings.builder().root(root).usage(inUse::contains).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    }

    @AfterEach
    void close() {
        berth.close();
    }

    Digest importImage(String name, String... changes) {
        ImportRequest.Builder request = ImportRequest.tarball(rootfs()).changes(List.of(changes));
        Optional.ofNullable(name).ifPresent(request::reference);
        return berth.importRootfs(request.build());
    }

    static InputStream rootfs() {
        return new ByteArrayInputStream(ROOTFS);
    }

    @Test
    void importWritesTheConfigDockerImportWrites() throws Exception {
        Digest id = importImage("example/app:1", "CMD echo hi", "ENV A=1 B=2", "ENV A=3", "EXPOSE 80",
                "LABEL k=v", "WORKDIR /srv", "WORKDIR web", "USER nobody", "VOLUME /data", "STOPSIGNAL SIGINT",
                "ENTRYPOINT [\"/bin/hello\"]", "ONBUILD RUN true");
        Digest layer = Digest.sha256(ROOTFS);
        String expected = ("{\"architecture\":\"%s\",\"comment\":\"Imported from -\",\"config\":{\"User\":\"nobody\","
                + "\"ExposedPorts\":{\"80/tcp\":{}},\"Env\":[\"A=3\",\"B=2\"],\"Cmd\":[\"/bin/sh\",\"-c\",\"echo hi\"],"
                + "\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/srv/web\",\"Entrypoint\":[\"/bin/hello\"],"
                + "\"OnBuild\":[\"RUN true\"],\"Labels\":{\"k\":\"v\"},\"StopSignal\":\"SIGINT\"},"
                + "\"created\":\"2024-01-02T03:04:05Z\",\"history\":[{\"created\":\"2024-01-02T03:04:05Z\","
                + "\"comment\":\"Imported from -\"}],\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"%s\"]}}").formatted(HostPlatform.architecture(), layer);
        Path configFile = new StoreLayout(root).blob(id);
        assertThat(Files.readString(configFile, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(id).isEqualTo(Digest.sha256(expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readAllBytes(new StoreLayout(root).blob(layer))).isEqualTo(ROOTFS);
    }

    /** Regression: import --change had its own applier, which kept "/srv/../x/" uncleaned and "53/UDP" upper case. */
    @Test
    void importChangesAreAppliedByTheBuildsRules() throws Exception {
        Digest id = importImage("app", "WORKDIR /srv/../x/", "WORKDIR ./y", "EXPOSE 53/UDP");

        String config = Files.readString(new StoreLayout(root).blob(id), StandardCharsets.UTF_8);

        assertThat(config).contains("\"WorkingDir\":\"/x/y\"").contains("\"ExposedPorts\":{\"53/udp\":{}}");
    }

    @Test
    void importRefusesAnInstructionDockerDoesNotAllow() {
        assertThatThrownBy(() -> importImage("app", "RUN true"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RUN is not a valid change command");
    }

    @Test
    void importRefusesWhatIsNotATar() {
        assertThatThrownBy(() -> berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream("not a tar at all".repeat(40).getBytes()))
                .reference("app").message("m").build()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(berth.images()).isEmpty();
    }

    @Test
    void importReadsAGzippedTarball() throws Exception {
        var compressed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(ROOTFS);
        }
        Digest id = berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(compressed.toByteArray()))
                .message("").build());
        assertThat(berth.inspect(id.toString()).diffIds()).containsExactly(Digest.sha256(ROOTFS));
    }

    @Test
    void imagesListsOneRowPerNameAndDanglingOnce() {
        Digest app = importImage("example/app:1");
        berth.tag("example/app:1", "localhost:5000/app");
        Digest dangling = importImage(null, "ENV X=1");
        assertThat(berth.images()).extracting(row -> row.repository().orElse("<none>") + ":"
                        + row.tag().orElse("<none>") + " " + row.id().shortHex())
                .containsExactlyInAnyOrder("example/app:1 " + app.shortHex(),
                        "localhost:5000/app:latest " + app.shortHex(), "<none>:<none> " + dangling.shortHex());
        assertThat(berth.images()).allSatisfy(row -> {
            assertThat(row.created()).contains(NOW);
            // Docker's size: the content once applied (the 18 bytes of bin/hello), not the tar's length.
            assertThat(row.size()).isEqualTo(18);
        });
    }

    @Test
    void findsAnImageByNameIdAndIdPrefix() {
        Digest id = importImage("busybox");
        for (String name : List.of("busybox", "busybox:latest", "docker.io/library/busybox:latest", id.toString(),
                id.hex(), id.hex().substring(0, 12), "sha256:" + id.hex().substring(0, 5))) {
            assertThat(berth.inspect(name).id()).as(name).isEqualTo(id);
        }
        assertThatThrownBy(() -> berth.inspect("busybox:1")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: busybox:1");
    }

    @Test
    void inspectListsTagsInDockersOrderByFullName() {
        importImage("zzz");
        berth.tag("zzz", "localhost:5000/q:1");
        berth.tag("zzz", "aaa/x:2");
        // docker.io/aaa/x:2 < docker.io/library/zzz:latest < localhost:5000/q:1, as Docker's reference store sorts.
        assertThat(berth.inspect("zzz").repoTags()).containsExactly("aaa/x:2", "zzz:latest", "localhost:5000/q:1");
    }

    @Test
    void inspectShowsDockersMembers() {
        Digest id = importImage("busybox", "CMD [\"sh\"]");
        ImageDetails details = berth.inspect("busybox");
        assertThat(details.id()).isEqualTo(id);
        assertThat(details.repoTags()).containsExactly("busybox:latest");
        assertThat(details.comment()).isEqualTo("Imported from -");
        assertThat(details.containerConfigJson()).isEqualTo("{\"Cmd\":[\"sh\"]}");
        assertThat(details.created()).contains(NOW);
        assertThat(details.os()).isEqualTo("linux");
        assertThat(details.rootFsType()).isEqualTo("layers");
        assertThat(details.dockerVersion()).isEmpty();
    }

    @Test
    void historyIsNewestFirstWithTheIdOnTop() {
        Digest id = importImage("busybox");
        assertThat(berth.history("busybox")).containsExactly(
                new HistoryRow(Optional.of(id), Optional.of(NOW), "", 18, "Imported from -"));
    }

    @Test
    void removingOneOfTwoNamesOnlyUntags() {
        Digest id = importImage("a");
        berth.tag("a", "b:2");
        assertThat(berth.remove("a", false)).isEqualTo(new RemovedImage(List.of("a:latest"), List.of()));
        assertThat(berth.inspect(id.toString()).repoTags()).containsExactly("b:2");
    }

    @Test
    void removingTheLastNameDeletesTheImageAndItsBlobs() {
        Digest id = importImage("a");
        assertThat(berth.remove("a", false)).isEqualTo(new RemovedImage(List.of("a:latest"), List.of(id)));
        assertThat(berth.images()).isEmpty();
        assertThat(Files.exists(new StoreLayout(root).blob(id))).isFalse();
        assertThat(Files.exists(new StoreLayout(root).blob(Digest.sha256(ROOTFS)))).isFalse();
    }

    @Test
    void removingByIdAnImageWithSeveralNamesNeedsForce() {
        Digest id = importImage("a");
        berth.tag("a", "b");
        assertThatThrownBy(() -> berth.remove(id.shortHex(), false)).isInstanceOf(ConflictException.class)
                .hasMessage("conflict: unable to delete " + id.shortHex()
                        + " (must be forced) - image is referenced in multiple repositories");
        assertThat(berth.remove(id.shortHex(), true))
                .isEqualTo(new RemovedImage(List.of("a:latest", "b:latest"), List.of(id)));
    }

    @Test
    void anImageInUseIsKeptUnlessForced() {
        Digest id = importImage("a");
        inUse.add(id);
        assertThatThrownBy(() -> berth.remove("a", false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("image is being used by a container");
        assertThat(berth.pruneImages(true).removed()).isEmpty();
        assertThat(berth.remove("a", true).deleted()).containsExactly(id);
    }

    @Test
    void oneOfSeveralNamesOfAnImageInUseCanBeRemoved() {
        Digest id = importImage("a");
        berth.tag("a", "b");
        inUse.add(id);
        assertThat(berth.remove("a", false)).isEqualTo(new RemovedImage(List.of("a:latest"), List.of()));
        assertThatThrownBy(() -> berth.remove("b", false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void removingKeepsBlobsAnotherImageShares() {
        importImage("a");
        importImage("b", "ENV X=1");
        berth.remove("a", false);
        assertThat(Files.exists(new StoreLayout(root).blob(Digest.sha256(ROOTFS)))).isTrue();
        assertThat(berth.inspect("b").diffIds()).containsExactly(Digest.sha256(ROOTFS));
    }

    @Test
    void pruneRemovesDanglingImagesAndWithAllEveryUnusedOne() {
        Digest named = importImage("a");
        Digest dangling = importImage(null, "ENV X=1");
        PruneReport dangled = berth.pruneImages(false);
        assertThat(dangled.removed()).containsExactly(new RemovedImage(List.of(), List.of(dangling)));
        assertThat(dangled.reclaimedBytes()).isPositive();
        assertThat(berth.images()).extracting(ImageSummary::id).containsExactly(named);
        assertThat(berth.pruneImages(true).removed()).containsExactly(new RemovedImage(List.of("a:latest"), List.of(named)));
        assertThat(berth.images()).isEmpty();
    }

    @Test
    void retaggingANameLeavesThePreviousImageDangling() {
        Digest first = importImage("a");
        Digest second = importImage(null, "ENV X=1");
        berth.tag(second.toString(), "a");
        assertThat(berth.images()).filteredOn(ImageSummary::isDangling).extracting(ImageSummary::id)
                .containsExactly(first);
    }

    @Test
    void tagRefusesADigestTarget() {
        importImage("a");
        assertThatThrownBy(() -> berth.tag("a", "b@sha256:" + "0".repeat(64))).isInstanceOf(ConflictException.class);
    }
}
