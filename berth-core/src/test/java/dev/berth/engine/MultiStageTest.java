package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.BuildResult;
import dev.berth.event.BuildEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiStageTest {

    @TempDir
    Path directory;

    @Test
    void targetBuildsOnlyTheStagesItNeeds() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.build("""
                    FROM scratch AS unused
                    RUN never
                    FROM scratch AS builder
                    RUN compile
                    FROM scratch AS final
                    COPY --from=builder /run /out
                    FROM scratch AS later
                    RUN never either
                    """, request -> request.target("final"));

            assertThat(fixture.runs.invocations).extracting(run -> run.process().args().getLast())
                    .containsExactly("compile");
        }
    }

    @Test
    void copyFromAStageTakesItsFiles() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            BuildResult result = fixture.build("""
                    FROM scratch AS builder
                    RUN compile
                    FROM scratch
                    COPY --from=0 /run/ /out/
                    """);

            assertThat(fixture.lastLayer(result)).containsExactly("out dir 755 0:0", "out/1 file 644 0:0 /bin/sh -c compile");
        }
    }

    @Test
    void stageBasedOnAnotherContinuesItsConfig() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            BuildResult result = fixture.build("""
                    FROM scratch AS base
                    ENV A=1
                    FROM base
                    ENV B=2
                    """);

            assertThat(fixture.config(result).config().env()).containsExactly(
                    BuildEngine.DEFAULT_PATH, "A=1", "B=2");
        }
    }

    @Test
    void independentStagesRunInParallel() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            long started = System.nanoTime();
            fixture.build("""
                    FROM scratch AS a
                    RUN sleep a
                    FROM scratch AS b
                    RUN sleep b
                    FROM scratch AS c
                    RUN sleep c
                    FROM scratch
                    COPY --from=a /run /a
                    COPY --from=b /run /b
                    COPY --from=c /run /c
                    """);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            var spans = fixture.runs.spans;
            assertThat(spans).hasSize(3);
            // Concurrency by overlap: every sleep started before any of them ended.
            var firstEnd = spans.stream().map(FakeRunExecutor.Span::end).min(java.util.Comparator.naturalOrder()).orElseThrow();
            assertThat(spans).allSatisfy(span -> assertThat(span.start()).isBefore(firstEnd));
            System.out.println("three 1 s stages took " + took.toMillis() + " ms");
        }
    }

    @Test
    void anotherStagesFailureCancelsTheStepStillRunning() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            // The target waits for stage 0 first, so its failure ends the build while stage 1 still runs.
            assertThatThrownBy(() -> fixture.build("""
                    FROM scratch AS broken
                    RUN sleep then fail
                    FROM scratch AS slow
                    RUN block
                    FROM scratch
                    COPY --from=broken /run /a
                    COPY --from=slow /run /b
                    """)).isInstanceOf(dev.berth.error.ExecutionException.class).hasMessageContaining("Dockerfile:2 failed");

            List<BuildEvent> ends = fixture.events.stream()
                    .filter(event -> event instanceof BuildEvent.StepFailed || event instanceof BuildEvent.StepCanceled)
                    .toList();
            assertThat(ends).hasSize(2);
            int failing = started(fixture, "[broken 2/2] RUN sleep then fail");
            int stopped = started(fixture, "[slow 2/2] RUN block");
            assertThat(ends).anySatisfy(event -> assertThat(event).isInstanceOf(BuildEvent.StepFailed.class)
                    .extracting(BuildEvent::step).isEqualTo(failing));
            assertThat(ends).anySatisfy(event -> assertThat(event).isEqualTo(new BuildEvent.StepCanceled(stopped)));
        }
    }

    @Test
    void aLaterStagesFailureEndsTheBuildWhileAnEarlierStageTheTargetAwaitsFirstStillRuns() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            // Regression (issue 4): the target awaited its stages in index order, so stage 1's failure only
            // ended the build once stage 0's step (a minute here) was over.
            long began = System.nanoTime();
            assertThatThrownBy(() -> fixture.build("""
                    FROM scratch AS slow
                    RUN block
                    FROM scratch AS broken
                    RUN fail
                    FROM scratch
                    COPY --from=slow /run /a
                    COPY --from=broken /run /b
                    """)).isInstanceOf(dev.berth.error.ExecutionException.class).hasMessageContaining("Dockerfile:4 failed");
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(took).isLessThan(Duration.ofSeconds(10));
            int failing = started(fixture, "[broken 2/2] RUN fail");
            int stopped = started(fixture, "[slow 2/2] RUN block");
            assertThat(fixture.events).contains(new BuildEvent.StepCanceled(stopped))
                    .anySatisfy(event -> assertThat(event).isInstanceOf(BuildEvent.StepFailed.class)
                            .extracting(BuildEvent::step).isEqualTo(failing));
        }
    }

    private static int started(BuildFixture fixture, String name) {
        return fixture.events.stream().filter(event -> event instanceof BuildEvent.StepStarted started && started.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no step started: " + name)).step();
    }
}
