package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.TestBuilds;
import dev.berth.image.Descriptor;
import dev.berth.image.LayerRef;
import dev.berth.store.CollectionReport;
import dev.berth.store.GarbageCollector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A garbage collection ({@code system prune -a}) started while a step has written its layer but not yet
 * recorded it in the build cache waits for the step, then keeps the layer: the build ends with an image
 * whose every blob is in the store.
 */
class CollectionDuringBuildTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCollectionWaitsForTheStepAndKeepsItsLayer() throws Exception {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            AtomicReference<CompletableFuture<CollectionReport>> collection = new AtomicReference<>();
            AtomicReference<Boolean> finishedDuringTheStep = new AtomicReference<>();
            RunStepExecutor collectingMidStep = invocation -> {
                Optional<LayerRef> layer = fixture.runs.run(invocation);
                // The layer is committed, not yet in the cache nor in any image: only the step's guard keeps it.
                CompletableFuture<CollectionReport> collecting = CompletableFuture.supplyAsync(() -> fixture.store.collector()
                        .collect(GarbageCollector.Mode.ALL_UNUSED,
                                () -> new BuildCache(fixture.store.paths().cache(), fixture.store.content()).roots()));
                collection.set(collecting);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finishedDuringTheStep.set(collecting.isDone());
                return layer;
            };
            fixture.file("Dockerfile", "FROM scratch\nRUN make-a-layer\nCMD [\"x\"]\n");
            BuildResult result = TestBuilds.build(fixture.store, collectingMidStep, Clock.fixed(BuildFixture.NOW,
                    ZoneOffset.UTC), BuildRequest.builder(fixture.context).tags(List.of("kept:1")).build(),
                    fixture.events::add);

            CollectionReport report = collection.get().get(30, TimeUnit.SECONDS);
            assertThat(finishedDuringTheStep.get()).as("the collection ran in the middle of the step").isFalse();
            for (Descriptor layer : fixture.manifest(result).layers()) {
                assertThat(fixture.store.content().info(layer.digest())).as("layer " + layer.digest()).isPresent();
            }
            assertThat(fixture.store.content().info(result.imageId())).isPresent();
            assertThat(report.removedBlobs()).extracting(blob -> blob.digest())
                    .doesNotContainAnyElementsOf(fixture.manifest(result).layers().stream().map(Descriptor::digest).toList());
        }
    }
}
