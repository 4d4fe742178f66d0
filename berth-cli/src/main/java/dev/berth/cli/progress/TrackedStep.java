package dev.berth.cli.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step as the live view knows it: its number and name, when its start arrived, its status, its
 * final duration once it ended, the last lines it printed (display only: the whole output is in the
 * step's log on disk) and notes such as a cache-miss explanation.
 */
record TrackedStep(int number, String name, Instant started, StepStatus status, Optional<Duration> took,
        List<String> tail, List<String> notes) {

    /** How many output lines a step keeps for display; BuildKit shows about as many under a running step. */
    static final int TAIL_LINES = 6;

    TrackedStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(took, "took");
        tail = List.copyOf(tail);
        notes = List.copyOf(notes);
    }

    static TrackedStep started(int number, String name, Instant at) {
        return new TrackedStep(number, name, at, StepStatus.RUNNING, Optional.empty(), List.of(), List.of());
    }

    TrackedStep withStatus(StepStatus next) {
        return new TrackedStep(number, name, started, next, took, tail, notes);
    }

    TrackedStep ended(StepStatus next, Duration duration) {
        return new TrackedStep(number, name, started, next, Optional.of(duration), tail, notes);
    }

    TrackedStep withOutput(String line) {
        List<String> lines = new ArrayList<>(tail);
        lines.add(line);
        return new TrackedStep(number, name, started, status, took,
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()), notes);
    }

    TrackedStep withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new TrackedStep(number, name, started, status, took, tail, all);
    }

    boolean finished() {
        return status != StepStatus.RUNNING;
    }

    /** The final duration, or how long it has been running at {@code now}. */
    Duration elapsed(Instant now) {
        Duration running = Duration.between(started, now);
        return took.orElse(running.isNegative() ? Duration.ZERO : running);
    }
}
