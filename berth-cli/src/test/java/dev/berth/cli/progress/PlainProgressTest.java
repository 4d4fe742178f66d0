package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** BuildKit's plain log: one {@code #N} line per event, output never clipped. */
class PlainProgressTest {

    @Test
    void everyEventIsOneNumberedLine() {
        StringWriter log = new StringWriter();
        PlainProgress progress = new PlainProgress(new PrintWriter(log));
        String longLine = "x".repeat(500);

        progress.on(new BuildEvent.StepStarted(3, "[stage-0 3/3] RUN make"));
        progress.on(new BuildEvent.CacheMissExplained(3, "the instruction differs"));
        progress.on(new BuildEvent.StepOutput(3, longLine));
        progress.on(new BuildEvent.StepFailed(3, "RUN at Dockerfile:3 failed: process exited with code 2\n"
                + "last output:\n  " + longLine + "\nfull output: /store/cache/builds/b/logs/step-3.log"));
        progress.on(new BuildEvent.StepStarted(4, "[stage-0 1/1] FROM scratch"));
        progress.on(new BuildEvent.StepCached(4));
        progress.on(new BuildEvent.StepDone(4, Duration.ofMillis(1250)));
        progress.on(new BuildEvent.StepCanceled(5));

        // The failure's whole message (last output, log path) is the error reporter's to print, once.
        assertThat(log.toString()).isEqualTo("""
                #3 [stage-0 3/3] RUN make
                #3 cache miss: the instruction differs
                #3 %s
                #3 ERROR: RUN at Dockerfile:3 failed: process exited with code 2
                #4 [stage-0 1/1] FROM scratch
                #4 CACHED
                #4 DONE 1.3s
                #5 CANCELED
                """.formatted(longLine));
    }
}
