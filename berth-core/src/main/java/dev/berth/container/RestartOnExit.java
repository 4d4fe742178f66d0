package dev.berth.container;

import dev.berth.error.NotFoundException;
import dev.berth.store.StoreLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A container's restart policy carried out by conmon's exit command, as Podman's {@code container cleanup} carries
 * it out: when the process exited on its own (no stop or kill asked for) and the policy says so, it waits Docker's
 * growing delay, looks again that nobody stopped or removed the container meanwhile, and starts it with a new
 * conmon (whose own exit command does the same next time). The record counts the restart before the start, with no
 * start time, so the next exit command waits for this start to finish as it waits for a first one.
 */
final class RestartOnExit {

    static final String LOCK_FILE = "restart.lock";
    private static final Duration POLL = Duration.ofMillis(50);

    private RestartOnExit() {
    }

    /** Restarts the container if its policy says so; whether it did. */
    static boolean apply(ContainerRecords records, ContainerRecord record, Path socketDirectory,
            BridgeAttachments bridges) throws InterruptedException {
        ContainerDirectory directory = records.directory(record.id());
        Optional<ContainerPhase.Exited> exited = ContainerPhases.exitFile(directory);
        int code = exited.map(ContainerPhase.Exited::exitCode).orElse(ContainerPhases.UNKNOWN_EXIT);
        if (!record.restart().shouldRestart(code, record.restartCount(), record.stopRequested())) {
            return false;
        }
        Instant started = record.started().orElse(record.created());
        Duration ran = Duration.between(started, exited.map(ContainerPhase.Exited::finished).orElse(started));
        // Docker's Restarting state while the delay runs (RestartMark), until the new start or a stop ends it.
        RestartMark.mark(directory);
        try {
            return waitAndRestart(records, record, socketDirectory, bridges, directory, ran);
        } finally {
            if (Files.isDirectory(directory.path())) {
                RestartMark.clear(directory);
            }
        }
    }

    private static boolean waitAndRestart(ContainerRecords records, ContainerRecord record, Path socketDirectory,
            BridgeAttachments bridges, ContainerDirectory directory, Duration ran) throws InterruptedException {
        // Waited in steps, so that a stop or rm meanwhile ends the wait (and this conmon) at once.
        long deadline = System.nanoTime() + RestartRule.delay(record.restartCount(), ran).toNanos();
        while (System.nanoTime() < deadline) {
            if (!stillToRestart(records, record).isPresent()) {
                return false;
            }
            Thread.sleep(Duration.ofNanos(Math.min(POLL.toNanos(), Math.max(0, deadline - System.nanoTime()))));
        }
        return guarded(directory, () -> {
            Optional<ContainerRecord> now = stillToRestart(records, record);
            if (now.isEmpty()) {
                return false;
            }
            ContainerRecord restarting = now.get().restarting();
            records.write(restarting);
            try {
                ContainerPhases.runtimeOf(restarting).delete(restarting.id(), true);
            } catch (NotFoundException alreadyGone) {
                // Deleted already.
            }
            new DetachedNetworking(bridges, new NetworkNamespaceSharing(records)).attachAgain(restarting,
                    directory.bundle());
            new ContainerLaunch(records, Conmon.standard(socketDirectory), ContainerCleanup.javaCommand(),
                    HealthMonitor.javaCommand(), bridges, Clock.systemUTC()).launch(restarting, directory);
            return true;
        });
    }

    /**
     * Runs {@code action} holding the container's restart lock ({@code restart.lock}): a restart holds it from its
     * last look at the record to the end of the start, and {@code stop}, {@code kill} and {@code rm} take it to note
     * the user's stop or delete the record, so either the restart sees that, or they see the restarted container.
     * A container whose directory is gone has nothing to guard.
     */
    static <T> T guarded(ContainerDirectory directory, Supplier<T> action) {
        if (!Files.isDirectory(directory.path())) {
            return action.get();
        }
        try (StoreLock lock = new StoreLock(directory.path().resolve(LOCK_FILE)); StoreLock.Held _ = lock.exclusive()) {
            return action.get();
        }
    }

    /** The record as it is now, if the container is still there, no stop was asked for and nobody started it since. */
    private static Optional<ContainerRecord> stillToRestart(ContainerRecords records, ContainerRecord record) {
        return records.all().stream().filter(r -> r.id().equals(record.id())).findFirst()
                .filter(now -> !now.stopRequested() && now.started().equals(record.started()));
    }
}
