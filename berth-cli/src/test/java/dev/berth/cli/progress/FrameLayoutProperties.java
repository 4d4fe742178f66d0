package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever a build prints and whatever the terminal's size, every frame line fits and holds no control characters. */
class FrameLayoutProperties {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    @Property(tries = 300)
    void everyLineFitsTheWidthAndIsInert(@ForAll String name, @ForAll @Size(max = 12) List<String> output,
            @ForAll @IntRange(min = 1, max = 200) int width, @ForAll @IntRange(min = 1, max = 60) int height,
            @ForAll @IntRange(min = 0, max = 5) int outcome) {
        BuildView view = new BuildView(START);
        view.record(new BuildEvent.StepStarted(1, "[stage-0 1/2] FROM scratch"), START);
        view.record(new BuildEvent.StepDone(1, Duration.ofMillis(3)), START);
        view.record(new BuildEvent.StepStarted(2, name), START.plusMillis(5));
        output.forEach(line -> view.record(new BuildEvent.StepOutput(2, line), START.plusMillis(7)));
        switch (outcome) {
            case 0 -> view.record(new BuildEvent.StepFailed(2, name), START.plusSeconds(2));
            case 1 -> view.record(new BuildEvent.StepCanceled(2), START.plusSeconds(2));
            case 2 -> view.record(new BuildEvent.CacheMissExplained(2, name), START.plusSeconds(1));
            default -> { }
        }

        for (Frame frame : List.of(view.live(START.plusSeconds(3), width, height), view.last(START.plusSeconds(3), width))) {
            assertThat(frame.lines()).allSatisfy(line -> {
                assertThat(DisplayText.columns(line.text())).isLessThanOrEqualTo(width);
                assertThat(line.text().codePoints()).noneMatch(Character::isISOControl);
            });
        }
        assertThat(view.live(START.plusSeconds(3), width, height).lines()).hasSizeLessThanOrEqualTo(Math.max(2, height - 1));
    }

    @Property(tries = 500)
    void displayedLineHasNoControlCharacters(@ForAll String raw) {
        assertThat(DisplayText.line(raw).codePoints()).noneMatch(Character::isISOControl);
    }
}
