package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.BuildRequest;
import dev.berth.api.TestBuilds;
import dev.berth.error.ExecutionException;
import dev.berth.event.BuildEvent;
import dev.berth.image.ContainerConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.Platform;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: any stage's failure ends the whole build at once, through real runc and overlayfs. Needs root. */
class StageFailureIT {

    @TempDir
    Path work;

    @Test
    void aFailingStageCancelsALongRunInAnEarlierStageAndLeavesNoContainerOrMount() throws IOException {
        RunFixture fixture = new RunFixture(work);
        ImageConfig busybox = ImageConfig.empty(Platform.of("linux", "amd64"))
                .withConfig(ContainerConfig.builder().env(List.of("PATH=/bin")).build())
                .withLayer(fixture.busybox.diffId(), new HistoryEntry(Optional.empty(), "busybox", "", "", false));
        new ImageAssembler(fixture.store.content(), fixture.store.images(), ImageJson.standard())
                .assemble(busybox, List.of(fixture.busybox), List.of("busybox:latest"));
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM busybox AS slow
                RUN sleep 30 && echo slow > /slow
                FROM busybox AS broken
                RUN false
                FROM busybox
                COPY --from=slow /slow /slow
                COPY --from=broken /etc/passwd /broken
                """);
        List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
        ContainerRunStepExecutor runs = fixture.executor(OverlaySnapshotter::new, "overlay");

        long began = System.nanoTime();
        assertThatThrownBy(() -> TestBuilds.build(fixture.store, runs, Clock.systemUTC(),
                BuildRequest.builder(context).noCache(true).build(), events::add))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("/Dockerfile:4 failed: RUN /bin/sh -c false exited with code 1");
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(took).as("the build ends well before stage 0's 30-second RUN").isLessThan(Duration.ofSeconds(10));
        int slow = started(events, "[slow 2/2] RUN sleep 30 && echo slow > /slow");
        int broken = started(events, "[broken 2/2] RUN false");
        assertThat(events).contains(new BuildEvent.StepCanceled(slow))
                .anySatisfy(event -> assertThat(event).isInstanceOf(BuildEvent.StepFailed.class)
                        .extracting(BuildEvent::step).isEqualTo(broken));
        assertThat(runs.snapshotter().list()).allMatch(s -> s.kind() == SnapshotInfo.Kind.COMMITTED);
        try (var bundles = Files.list(fixture.store.paths().containers())) {
            assertThat(bundles).isEmpty();
        }
        try (var states = Files.list(work.resolve("runtime-state"))) {
            assertThat(states.flatMap(RunFixture::listQuietly).filter(p -> p.getFileName().toString().startsWith("berth-run")))
                    .isEmpty();
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(work.toString());
    }

    private static int started(List<BuildEvent> events, String name) {
        return events.stream().filter(event -> event instanceof BuildEvent.StepStarted started && started.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no step started: " + name)).step();
    }
}
