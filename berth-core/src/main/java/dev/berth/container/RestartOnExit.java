package dev.berth.container;

import dev.berth.error.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A container's restart policy carried out by conmon's exit command, as Podman's {@code container cleanup} carries
 * it out: when the process exited on its own (no stop or kill asked for) and the policy says so, it waits Docker's
 * growing delay, looks again that nobody stopped or removed the container meanwhile, and starts it with a new
 * conmon (whose own exit command does the same next time). The record counts the restart before the start, with no
 * start time, so the next exit command waits for this start to finish as it waits for a first one.
 */
final class RestartOnExit {

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
        Thread.sleep(RestartRule.delay(record.restartCount(), ran));
        Optional<ContainerRecord> now = records.all().stream().filter(r -> r.id().equals(record.id())).findFirst();
        if (now.isEmpty() || now.get().stopRequested() || !now.get().started().equals(record.started())) {
            return false;
        }
        ContainerRecord restarting = now.get().restarting();
        records.write(restarting);
        try {
            ContainerPhases.runtimeOf(restarting).delete(restarting.id(), true);
        } catch (NotFoundException alreadyGone) {
            // Deleted already.
        }
        bridges.attachAgain(restarting, directory.bundle());
        new ContainerLaunch(records, Conmon.standard(socketDirectory), ContainerCleanup.javaCommand(),
                HealthMonitor.javaCommand(), bridges, Clock.systemUTC()).launch(restarting, directory);
        return true;
    }
}
