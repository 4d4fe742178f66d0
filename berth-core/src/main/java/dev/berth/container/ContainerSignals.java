package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Signals to a detached container's first process through the runtime ({@code runc kill}), and the wait for its
 * end, seen in conmon's exit file: what {@code stop}, {@code kill} and {@code wait} share.
 */
final class ContainerSignals {

    /** How long a process may take to end after {@code SIGKILL} (it cannot refuse; only the kernel can be slow). */
    static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Set<String> KILL = Set.of("KILL", "SIGKILL", "9");

    private ContainerSignals() {
    }

    /** Docker's {@code stop}: the stop signal, then {@code SIGKILL} if the process is still there after {@code timeout}. */
    static void stop(ContainerRecord record, ContainerDirectory directory, Duration timeout) {
        send(record, directory, record.stopSignal());
        if (awaitExit(directory, timeout)) {
            return;
        }
        send(record, directory, "KILL");
        if (!awaitExit(directory, KILL_WAIT)) {
            throw new ExecutionException("stopping container %s: it did not exit within %s of SIGKILL"
                    .formatted(record.name(), KILL_WAIT));
        }
    }

    static boolean isKill(String signal) {
        return KILL.contains(signal.toUpperCase(Locale.ROOT));
    }

    /**
     * Sends {@code signal} ({@code TERM}, {@code SIGTERM}, {@code 15}). runc refuses to signal a container whose
     * process has just ended: that is no error, but a refusal while it still runs (an unknown signal) is.
     */
    static void send(ContainerRecord record, ContainerDirectory directory, String signal) {
        try {
            ContainerPhases.runtimeOf(record).kill(record.id(), signal);
        } catch (NotFoundException | ExecutionException e) {
            if (ContainerPhases.read(record, directory).isRunning()) {
                throw e;
            }
        }
    }

    /** Waits until conmon wrote the exit file (or is gone without one); false when {@code timeout} passed first. */
    static boolean awaitExit(ContainerDirectory directory, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ContainerPhases.exitFile(directory).isEmpty() && Conmon.isRunning(directory)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException("interrupted while waiting for container " + directory.id() + " to exit", e);
            }
        }
        return true;
    }

    /** A pause while a restart waits out its delay ({@code wait} looks again afterwards). */
    static void awaitRestart(ContainerDirectory directory) {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for container " + directory.id() + " to restart", e);
        }
    }
}
