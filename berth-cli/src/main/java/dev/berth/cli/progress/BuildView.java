package dev.berth.cli.progress;

import dev.berth.event.BuildEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The live view's model: every step seen so far, updated from build events stamped with the time they
 * arrived. Pure (no clock, no terminal): the caller gives the times, and frames are rendered for a given
 * width and moment. Thread-safe: events come from the virtual threads of parallel stages while the
 * terminal writer renders.
 */
final class BuildView {

    private final Instant started;
    private final Map<Integer, TrackedStep> steps = new TreeMap<>();

    BuildView(Instant started) {
        this.started = Objects.requireNonNull(started, "started");
    }

    /** Applies one event that arrived at {@code at}; an event for a step never started is ignored. */
    synchronized void record(BuildEvent event, Instant at) {
        switch (event) {
            case BuildEvent.StepStarted start -> steps.put(start.step(), TrackedStep.started(start.step(), start.name(), at));
            case BuildEvent.StepCached cached -> update(cached.step(), step -> step.withStatus(StepStatus.CACHED));
            case BuildEvent.StepOutput output -> update(output.step(), step -> step.withOutput(DisplayText.line(output.line())));
            case BuildEvent.CacheMissExplained explained ->
                    update(explained.step(), step -> step.withNote("cache miss: " + DisplayText.line(explained.reason())));
            case BuildEvent.StepDone done -> update(done.step(), step ->
                    step.ended(step.status() == StepStatus.CACHED ? StepStatus.CACHED : StepStatus.DONE, done.took()));
            case BuildEvent.StepFailed _ -> update(event.step(), step -> step.ended(StepStatus.ERROR, step.elapsed(at)));
            case BuildEvent.StepCanceled _ -> update(event.step(), step -> step.ended(StepStatus.CANCELED, step.elapsed(at)));
        }
    }

    synchronized boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The frame while the build runs, at most {@code height} lines. */
    Frame live(Instant now, int width, int height) {
        return FrameLayout.live(started, copy(), now, width, height);
    }

    /** The frame left on screen when the build ended at {@code now}: every step, steps still running canceled. */
    Frame last(Instant now, int width) {
        return FrameLayout.last(started, copy(), now, width);
    }

    private synchronized List<TrackedStep> copy() {
        return List.copyOf(steps.values());
    }

    private void update(int number, UnaryOperator<TrackedStep> change) {
        steps.computeIfPresent(number, (_, step) -> change.apply(step));
    }
}
