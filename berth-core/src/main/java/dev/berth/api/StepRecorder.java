package dev.berth.api;

import dev.berth.event.BuildEvent;
import dev.berth.event.ProgressListener;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Passes a build's events on and remembers its steps, so that an up-to-date rebuild can show the same steps
 * again ({@link UpToDateBuilds}). Only a build in which every step hit the cache is worth remembering: its
 * steps are what any identical rebuild would show. Thread-safe: independent stages report in parallel.
 */
final class StepRecorder implements ProgressListener {

    /** A stage's first step, {@code [LABEL 1/N] FROM ...}: it resolves the base and never hits the cache. */
    private static final Pattern BASE_STEP = Pattern.compile("\\[[^\\]]+ 1/\\d+\\] FROM .*", Pattern.DOTALL);

    /** One step as a rebuild that hits the cache shows it. */
    record Shown(int number, String name, boolean cached) {}

    private final ProgressListener next;
    private final Map<Integer, Shown> steps = new ConcurrentHashMap<>();
    private volatile boolean ranSomething;

    StepRecorder(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void on(BuildEvent event) {
        switch (event) {
            case BuildEvent.StepStarted(int step, String name) -> steps.put(step, new Shown(step, name, false));
            case BuildEvent.StepCached(int step) -> steps.computeIfPresent(step, (number, shown) ->
                    new Shown(number, shown.name(), true));
            case BuildEvent.StepOutput _, BuildEvent.CacheMissExplained _, BuildEvent.StepFailed _,
                    BuildEvent.StepCanceled _ -> ranSomething = true;
            case BuildEvent.StepDone _ -> { }
        }
        next.on(event);
    }

    /** The steps in order when the build ran none (each hit the cache or resolved a base), else empty. */
    Optional<List<Shown>> allCached() {
        List<Shown> shown = steps.values().stream().sorted(Comparator.comparingInt(Shown::number)).toList();
        boolean cached = !ranSomething && !shown.isEmpty()
                && shown.stream().allMatch(step -> step.cached() || BASE_STEP.matcher(step.name()).matches());
        return cached ? Optional.of(shown) : Optional.empty();
    }

    /** Tells {@code listener} of {@code shown} as the engine told of them when they hit the cache. */
    static void replay(List<Shown> shown, ProgressListener listener) {
        for (Shown step : shown) {
            listener.on(new BuildEvent.StepStarted(step.number(), step.name()));
            if (step.cached()) {
                listener.on(new BuildEvent.StepCached(step.number()));
            }
            listener.on(new BuildEvent.StepDone(step.number(), Duration.ZERO));
        }
    }
}
