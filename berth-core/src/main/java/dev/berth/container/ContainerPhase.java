package dev.berth.container;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a detached container is in its life, as read from the runtime's state and conmon's exit file (so any
 * process, at any time, reads the same): made but not started, running, or exited with a code.
 */
public sealed interface ContainerPhase {

    /** Made (snapshot, bundle, record) but its process never started, or a start that did not finish. */
    record Created() implements ContainerPhase {
    }

    /**
     * Its process runs.
     *
     * @param pid     the first process's host pid
     * @param started when it was started
     * @param paused  frozen by the runtime
     */
    record Running(long pid, Instant started, boolean paused) implements ContainerPhase {
        public Running {
            Objects.requireNonNull(started, "started");
        }
    }

    /**
     * Its process ended.
     *
     * @param exitCode the code conmon recorded (128 + signal when a signal ended it; 255 when no monitor saw the end)
     * @param finished when it ended
     */
    record Exited(int exitCode, Instant finished) implements ContainerPhase {
        public Exited {
            Objects.requireNonNull(finished, "finished");
        }
    }

    /**
     * Its process ended and its restart policy is waiting out Docker's delay before starting it again (Docker's
     * {@code State.Restarting}); no process runs meanwhile.
     *
     * @param exitCode the code of the run that ended
     * @param finished when it ended
     */
    record Restarting(int exitCode, Instant finished) implements ContainerPhase {
        public Restarting {
            Objects.requireNonNull(finished, "finished");
        }
    }

    /** Docker's one word for the state, as {@code inspect} gives {@code State.Status}. */
    default String state() {
        return switch (this) {
            case Created _ -> "created";
            case Running running -> running.paused() ? "paused" : "running";
            case Exited _ -> "exited";
            case Restarting _ -> "restarting";
        };
    }

    /** Docker's {@code STATUS} column at {@code now}: {@code Up 5 seconds}, {@code Exited (0) 3 seconds ago}, {@code Created}. */
    default String status(Instant now) {
        return switch (this) {
            case Created _ -> "Created";
            case Running running -> "Up " + HumanDuration.of(since(running.started(), now))
                    + (running.paused() ? " (Paused)" : "");
            case Exited exited -> "Exited (%d) %s ago".formatted(exited.exitCode(),
                    HumanDuration.of(since(exited.finished(), now)));
            case Restarting restarting -> "Restarting (%d) %s ago".formatted(restarting.exitCode(),
                    HumanDuration.of(since(restarting.finished(), now)));
        };
    }

    /** Whether the process runs (paused counts, as in Docker; a restart waiting its delay does not). */
    default boolean isRunning() {
        return this instanceof Running;
    }

    /** Whether {@code ps} lists it without {@code -a}: running, or restarting (Docker's {@code State.Running} is true then). */
    default boolean isListed() {
        return this instanceof Running || this instanceof Restarting;
    }

    private static Duration since(Instant then, Instant now) {
        Duration elapsed = Duration.between(then, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
