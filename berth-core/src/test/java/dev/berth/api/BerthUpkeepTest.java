package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.NotFoundException;
import dev.berth.event.ProgressListener;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The façade's store upkeep and where it finds its store, on a store the test fills through the façade itself. */
class BerthUpkeepTest {

    @TempDir
    Path directory;

    @Test
    void withoutARootTheEnvironmentNamesIt() {
        Path named = directory.resolve("named");
        try (Berth berth = Berth.open(Settings.builder().environment(Map.of("BERTH_ROOT", named.toString())).build())) {
            assertThat(berth.images()).isEmpty();
        }
        assertThat(named.resolve("index.json")).exists();
    }

    @Test
    void aFreshStoreHasNothingToSweepPruneOrReclaim() {
        try (Berth berth = open()) {
            assertThat(berth.sweepLeftovers().isEmpty()).isTrue();
            assertThat(berth.pruneBuildCache()).isEqualTo(new CachePruneReport(0, 0, 0));
            assertThat(berth.pruneSystem(true)).isEqualTo(new SystemPruneReport(List.of(), List.of(), List.of(), 0));
            StoreUsage usage = berth.diskUsage();
            assertThat(List.of(usage.blobCount(), usage.blobBytes(), usage.reclaimableBytes())).containsOnly(0L);
        }
    }

    @Test
    void aBuildsBlobsAreKeptByItsTagThenByTheCacheThenGoWithBoth() throws IOException {
        Path context = Files.createDirectories(directory.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY app.txt /\n");
        Files.writeString(context.resolve("app.txt"), "hello\n");
        try (Berth berth = open()) {
            BuildResult built = berth.build(BuildRequest.builder(context).tags(List.of("app:1")).build(),
                    ProgressListener.NONE);
            long blobs = berth.diskUsage().blobCount();

            assertThat(berth.pruneSystem(true).deletedBlobs()).isEmpty();
            assertThat(berth.remove("app:1", false).deleted()).containsExactly(built.imageId());
            assertThat(berth.pruneBuildCache().entries()).isPositive();
            SystemPruneReport collected = berth.pruneSystem(true);

            assertThat(blobs).isGreaterThanOrEqualTo(3);
            assertThat(collected.deletedBlobs()).isNotEmpty().doesNotContain(built.imageId());
            assertThat(collected.reclaimedBytes()).isPositive();
            assertThat(berth.diskUsage().blobCount()).isZero();
        }
    }

    @Test
    void runningAnImageTheStoreLacksSaysSo() {
        try (Berth berth = open()) {
            assertThatThrownBy(() -> berth.run(RunRequest.builder("absent:1").build()))
                    .isInstanceOf(NotFoundException.class).hasMessage("No such image: absent:1");
        }
    }

    @Test
    void reportsRefuseImpossibleFigures() {
        assertThatThrownBy(() -> new StoreUsage(1, 10, 11, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunResult(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContextExclusion("x", java.util.Optional.empty(),
                java.util.Optional.of(new ContextExclusion.Rule(1, "x")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LeftoverReport.Leftover("container", "berth-run-0a1b", "RUN", 42, List.of()).describe())
                .isEqualTo("RUN container berth-run-0a1b (pid 42 gone): record only");
        assertThat(Digest.sha256(new byte[0]).toString()).startsWith("sha256:");
    }

    private Berth open() {
        return Berth.open(Settings.builder().root(directory.resolve("store")).build());
    }
}
