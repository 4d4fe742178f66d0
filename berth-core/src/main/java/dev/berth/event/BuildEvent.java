package dev.berth.event;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing a build reports. Steps are numbered from 1 in the order they start ({@code #N} in
 * BuildKit's plain progress); {@code name} reads as {@code [stage 2/3] COPY . /app}.
 */
public sealed interface BuildEvent {

    int step();

    record StepStarted(int step, String name) implements BuildEvent {
        public StepStarted {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The step's result came from the build cache; nothing ran and no layer was written. */
    record StepCached(int step) implements BuildEvent {}

    /** A line the step printed (RUN output). */
    record StepOutput(int step, String line) implements BuildEvent {
        public StepOutput {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Why a step missed the cache, when asked to explain: which input differs from the last build of it. */
    record CacheMissExplained(int step, String reason) implements BuildEvent {
        public CacheMissExplained {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record StepDone(int step, Duration took) implements BuildEvent {
        public StepDone {
            Objects.requireNonNull(took, "took");
        }
    }

    record StepFailed(int step, String message) implements BuildEvent {
        public StepFailed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The step was stopped, not failed: another stage's error ended the build while it ran (BuildKit's CANCELED). */
    record StepCanceled(int step) implements BuildEvent {}
}
