package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.snapshot.ChainIds;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As {@code docker load} and {@code docker import} extract an image, so do Berth's (with the overlay
 * snapshotter, as root): the first RUN on a base just loaded unpacks nothing (issue 15: three stages on a
 * fresh Debian went from 8.4 s to 5.5 s). And as Docker's layers, the snapshots go with the last image that needs
 * them.
 */
class UnpackOnLoadIT {

    @TempDir
    Path root;

    @Test
    void importAndLoadLeaveTheImageUnpackedForRuns() {
        Digest diffId = Digest.sha256(BerthImagesTest.ROOTFS);
        Digest chain = ChainIds.of(List.of(diffId)).getLast();
        StoreLayout layout = new StoreLayout(root.resolve("first"));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).clock(Clock.systemUTC()).build())) {
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(BerthImagesTest.ROOTFS))
                    .reference("base:1").message("").build());
            berth.save(List.of("base:1"), SaveFormat.DOCKER, saved);
        }
        assertThat(new OverlaySnapshotter(layout.snapshots().resolve("overlay")).isCommitted(chain)).isTrue();

        StoreLayout other = new StoreLayout(root.resolve("second"));
        try (Berth berth = Berth.open(Settings.builder().root(other.root()).clock(Clock.systemUTC()).build())) {
            berth.load(new ByteArrayInputStream(saved.toByteArray()));
        }
        assertThat(new OverlaySnapshotter(other.snapshots().resolve("overlay")).isCommitted(chain)).isTrue();
    }

    @Test
    void aSnapshotGoesWithTheLastImageThatNeedsItNotBefore() {
        Digest chain = ChainIds.of(List.of(Digest.sha256(BerthImagesTest.ROOTFS))).getLast();
        StoreLayout layout = new StoreLayout(root.resolve("store"));
        // An hour on: the snapshot is past the grace a just-committed RUN snapshot has.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).clock(later).build())) {
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(BerthImagesTest.ROOTFS))
                    .reference("base:1").message("").build());
            berth.tag("base:1", "base:2");
            berth.remove("base:1", false);
            berth.pruneSystem(true);
            berth.pruneBuildCache();
            assertThat(new OverlaySnapshotter(layout.snapshots().resolve("overlay")).isCommitted(chain)).isTrue();

            berth.pruneImages(true);
            assertThat(new OverlaySnapshotter(layout.snapshots().resolve("overlay")).isCommitted(chain)).isFalse();
        }
    }
}
