package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The terminal writer: redraws in place with ANSI escapes and leaves the final frame on screen. */
class TtyProgressTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final String ESC = "\u001B";

    private final StringWriter screen = new StringWriter();
    private final TtyProgress progress = new TtyProgress(new PrintWriter(screen), Clock.fixed(NOW, ZoneOffset.UTC),
            new TerminalSize(40, 24));

    @Test
    void finalFrameReplacesTheLiveOneWithColoursAndClearsBelow() {
        progress.on(new BuildEvent.StepStarted(1, "[stage-0 1/2] FROM scratch"));
        progress.on(new BuildEvent.StepDone(1, Duration.ofMillis(100)));
        progress.on(new BuildEvent.StepStarted(2, "[stage-0 2/2] RUN false"));
        progress.on(new BuildEvent.StepOutput(2, "no"));
        progress.on(new BuildEvent.StepFailed(2, "RUN at Dockerfile:2 failed: exit code 1"));

        progress.failed();

        String drawn = screen.toString();
        assertThat(lastDraw(drawn)).isEqualTo(
                ESC + "[2K[+] Building 0.0s (1/2) FINISHED\n"
                + ESC + "[2K" + ESC + "[34m => [stage-0 1/2] FROM scratch      0.1s" + ESC + "[0m\n"
                + ESC + "[2K" + ESC + "[31m => ERROR [stage-0 2/2] RUN false   0.0s" + ESC + "[0m\n"
                + ESC + "[2K" + ESC + "[2m => => # no" + ESC + "[0m\n"
                + ESC + "[J");
    }

    @Test
    void eachRedrawMovesBackOverThePreviousFrame() throws InterruptedException {
        progress.on(new BuildEvent.StepStarted(1, "[stage-0 1/1] FROM scratch"));
        Thread.sleep(TtyProgress.REDRAW_EVERY.multipliedBy(3));

        progress.failed();

        String drawn = screen.toString();
        // The live frame (header and one step) was drawn; the final one starts by moving up over its 2 lines.
        assertThat(drawn).contains(ESC + "[2K[+] Building 0.0s (0/1)\n");
        assertThat(drawn).contains("\r" + ESC + "[2A" + ESC + "[2K[+] Building 0.0s (0/1) FINISHED\n");
        assertThat(drawn).endsWith(ESC + "[33m => CANCELED [stage-0 1/1] FROM scr 0.0s" + ESC + "[0m\n" + ESC + "[J");
    }

    @Test
    void aBuildThatNeverStartedAStepLeavesNoFrame() {
        progress.failed();

        assertThat(lastDraw(screen.toString())).isEqualTo(ESC + "[J");
    }

    /** What the last draw wrote after moving the cursor back up, if it did. */
    private static String lastDraw(String drawn) {
        int up = drawn.lastIndexOf("\r" + ESC + "[");
        return up < 0 ? drawn : drawn.substring(drawn.indexOf('A', up) + 1);
    }
}
