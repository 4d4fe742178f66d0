package dev.berth.container;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a made container's process: conmon (with {@link ContainerCleanup} as its exit command when something must
 * happen at the exit: {@code --rm}, bridge networks, a restart policy), {@code runc start}, the record's start time,
 * then its health monitor. What {@code run -d}, {@code start} and a restart by policy share.
 *
 * @param cleanupCommand conmon's exit command, to which ROOT, SOCKETS, ID, NETWORKS and NETAVARK_RUN are appended;
 *                       empty for none
 * @param healthCommand  the health monitor's command, to which ROOT and ID are appended; empty for none
 */
record ContainerLaunch(ContainerRecords records, Conmon conmon, List<String> cleanupCommand,
        List<String> healthCommand, BridgeAttachments bridges, Clock clock) {

    ContainerLaunch {
        cleanupCommand = List.copyOf(cleanupCommand);
        healthCommand = List.copyOf(healthCommand);
    }

    /** Starts it; returns the record as started (also written). */
    ContainerRecord launch(ContainerRecord record, ContainerDirectory directory) {
        try {
            Files.deleteIfExists(directory.exitFile());
            Files.deleteIfExists(directory.pidFile());
        } catch (IOException e) {
            throw new ExecutionException("starting container %s: clearing its last exit: %s".formatted(record.name(),
                    e.getMessage()), e);
        }
        List<String> exitCommand = new ArrayList<>();
        if ((record.autoRemove() || record.network().bridged() || record.restart().restarts())
                && !cleanupCommand.isEmpty()) {
            exitCommand.addAll(cleanupCommand);
            exitCommand.addAll(List.of(records.root().toString(), conmon.socketDirectory().toString(), record.id(),
                    bridges.networks().toString(), bridges.netavarkRun().toString()));
        }
        conmon.create(directory, record, exitCommand);
        try {
            ContainerPhases.runtimeOf(record).start(record.id());
        } catch (RuntimeException e) {
            throw new ExecutionException("starting container %s (%s): %s".formatted(record.name(), record.shortId(),
                    e.getMessage()), e);
        }
        ContainerRecord started = record.startedAt(clock.instant());
        records.write(started);
        HealthMonitor.start(healthCommand, records, started);
        return started;
    }
}
