package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.layer.TreeRemover;
import dev.berth.recovery.OwnerRecord;
import dev.berth.recovery.ProcessOwner;
import dev.berth.snapshot.MountedRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Releases a detached container, from whichever process: the record goes first (the name is free, {@code ps} no
 * longer lists it), then the runtime's container (its processes killed), once conmon has gone the root is unmounted,
 * the writable snapshot and the directory removed, and conmon's attach link. An {@link OwnerRecord} naming this
 * process is written before anything is released and removed last, so that a removal killed half-way is finished
 * by the next sweep of leftovers, as a killed RUN step's container is.
 */
final class ContainerRemoval {

    private static final Duration MONITOR_EXIT = Duration.ofSeconds(10);

    private ContainerRemoval() {
    }

    /**
     * @param bridges where its networks are, for a container on bridge networks: torn down once its processes are gone
     * @param volumes {@code rm -v}: its anonymous volumes go last, as Docker removes them (a {@code --rm} container's
     *     always do)
     */
    static void remove(ContainerRecords records, ContainerRecord record, Path socketDirectory,
            Optional<BridgeAttachments> bridges, boolean volumes) {
        ContainerDirectory directory = records.directory(record.id());
        new OwnerRecord(ProcessOwner.current(), "rm", Optional.of(record.runtime()), Optional.of(record.snapshots()))
                .writeFor(directory.bundle());
        // Under the restart lock: a restart by policy in progress finishes first, and is then undone here.
        RestartOnExit.guarded(directory, () -> {
            records.delete(record);
            return null;
        });
        try {
            ContainerPhases.runtimeOf(record).delete(record.id(), true);
        } catch (NotFoundException alreadyGone) {
            // Never created, or deleted by a removal that was cut short.
        }
        HealthMonitor.stop(directory);
        awaitMonitorExit(directory);
        // A teardown netavark could not finish (an interface already gone: a connect killed before its setup) has
        // still released the leases and forgotten the options: nothing retries it, so the removal goes on and the
        // failure is reported once the container is gone.
        RuntimeException teardown = null;
        try {
            bridges.ifPresent(networks -> networks.detach(record));
        } catch (RuntimeException e) {
            teardown = e;
        }
        try {
            Path rootfs = directory.rootfs();
            if (Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS) && TreeRemover.isMountPoint(rootfs)) {
                new MountedRoot(rootfs, Optional.of(rootfs)).close();
            }
            record.snapshots().open().remove(record.id());
            Files.deleteIfExists(socketDirectory.resolve(record.id()));
            TreeRemover.delete(directory.path());
        } catch (IOException e) {
            throw new ExecutionException("removing container %s (%s): %s".formatted(record.name(), record.shortId(),
                    e.getMessage()), e);
        }
        OwnerRecord.deleteFor(directory.bundle());
        if (volumes || record.autoRemove()) {
            ContainerVolumes.dropAnonymous(record.mounts(), ContainerVolumes.storeBeside(records.root(),
                    java.time.Clock.systemUTC()));
        }
        if (teardown != null) {
            throw new ExecutionException("container %s (%s) was removed, but its network teardown failed: %s"
                    .formatted(record.name(), record.shortId(), teardown.getMessage()), teardown);
        }
    }

    /**
     * conmon writes the exit file and the log's last lines after the process ends: it must be done first. The conmon
     * running this process as its exit command is not waited for: it waits for its exit command.
     */
    static void awaitMonitorExit(ContainerDirectory directory) {
        Optional<Long> monitor = Conmon.readPid(directory.conmonPidFile());
        if (monitor.isPresent() && ProcessHandle.current().parent().map(ProcessHandle::pid).equals(monitor)) {
            return;
        }
        long deadline = System.nanoTime() + MONITOR_EXIT.toNanos();
        while (Conmon.isRunning(directory)) {
            if (System.nanoTime() > deadline) {
                throw new ExecutionException("container " + directory.id() + ": conmon did not exit within "
                        + MONITOR_EXIT + " of its container's end");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException("interrupted while waiting for the conmon of container " + directory.id(), e);
            }
        }
    }
}
