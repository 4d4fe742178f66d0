package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel stages report from their own virtual threads while the terminal writer renders. */
class BuildViewConcurrencyTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    private static final int STAGES = 16;
    private static final int STEPS = 20;
    private static final int LINES = 50;

    @Test
    void eventsFromManyStagesAtOnceLoseNothing() throws Exception {
        BuildView view = new BuildView(START);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> stages = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int stage = 0; stage < STAGES; stage++) {
                int index = stage;
                stages.add(threads.submit(() -> {
                    go.await();
                    for (int position = 1; position <= STEPS; position++) {
                        // Distinct numbers per stage, interleaved across stages as the engine's counter gives them.
                        int step = (position - 1) * STAGES + index + 1;
                        view.record(new BuildEvent.StepStarted(step, "[s" + index + " " + position + "/" + STEPS + "] RUN x"), START);
                        for (int line = 0; line < LINES; line++) {
                            view.record(new BuildEvent.StepOutput(step, "line " + line), START);
                        }
                        view.record(new BuildEvent.StepDone(step, Duration.ofMillis(100)), START);
                    }
                    return null;
                }));
            }
            stages.add(threads.submit(() -> {
                go.await();
                for (int frame = 0; frame < 200; frame++) {
                    assertThat(view.live(START.plusSeconds(1), 80, 24).lines()).hasSizeLessThanOrEqualTo(23);
                }
                return null;
            }));
            go.countDown();
            for (Future<?> stage : stages) {
                stage.get();
            }
        }

        Frame last = view.last(START.plusSeconds(9), 80);
        assertThat(last.lines().getFirst().text()).isEqualTo("[+] Building 9.0s (320/320) FINISHED");
        assertThat(last.lines()).hasSize(1 + STAGES * STEPS);
        assertThat(last.lines().subList(1, last.lines().size()))
                .allSatisfy(line -> assertThat(line.text()).matches(" => \\[s\\d+ \\d+/20] RUN x +0\\.1s"));
    }
}
