package dev.berth.container;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.runtime.OciRuntime;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.ContentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Docker's container workflow without a daemon: {@code run -d}, {@code start}, {@code ps}, {@code inspect},
 * {@code logs}, {@code stop}, {@code kill}, {@code rm}, {@code wait}. Each container has a {@link Conmon} that
 * keeps its output and records its exit, and a {@link ContainerRecord} under {@code root}; everything is read from
 * disk and the runtime on each call, so another process (or this one after a crash) sees the same containers.
 *
 * @see ContainerDirectory for the files of one container
 */
public final class DetachedContainers {

    /** Docker's default {@code stop} timeout. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ContainerRecords records;
    private final Snapshotter snapshotter;
    private final ContentStore store;
    private final OciRuntime runtime;
    private final Conmon conmon;
    private final List<String> cleanupCommand;
    private final Clock clock;
    private final BridgeAttachments bridges;
    private final DetachedNetworking networking;

    /**
     * @param root           where containers live (the store's {@code containers/})
     * @param cleanupCommand conmon's exit command for {@code --rm} containers and those on bridge networks, to
     *                       which ROOT, SOCKETS, ID, NETWORKS and NETAVARK_RUN are appended
     *                       ({@link ContainerCleanup#javaCommand()}, or the Berth launcher's equivalent)
     * @param bridges        the networks and netavark's state, for containers on bridge networks
     */
    public DetachedContainers(Path root, Snapshotter snapshotter, ContentStore store, OciRuntime runtime, Conmon conmon,
            List<String> cleanupCommand, Clock clock, BridgeAttachments bridges) {
        this.records = new ContainerRecords(root);
        this.snapshotter = Objects.requireNonNull(snapshotter, "snapshotter");
        this.store = Objects.requireNonNull(store, "store");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.conmon = Objects.requireNonNull(conmon, "conmon");
        this.cleanupCommand = List.copyOf(cleanupCommand);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bridges = Objects.requireNonNull(bridges, "bridges");
        this.networking = new DetachedNetworking(bridges, new NetworkNamespaceSharing(records));
    }

    /**
     * {@code run -d}: makes the container (record, snapshot, bundle) and starts it under conmon; returns once its
     * process runs. A container that fails to start leaves nothing behind.
     *
     * @throws ConflictException when the name is taken
     * @throws ExecutionException naming the container and quoting runc when it does not start
     */
    public ContainerInfo run(ContainerImage image, ContainerSpec request, DetachOptions options) {
        ContainerCreation creation = creation();
        ContainerCreation.Made made = creation.make(image, request, options);
        try {
            ContainerRecord started = launch(made.record(), made.directory());
            ContainerCreation.keep(made);
            return new ContainerInfo(started, ContainerPhases.read(started, made.directory()));
        } catch (RuntimeException e) {
            creation.undo(made, e);
            throw e;
        }
    }

    /**
     * {@code create}: makes the container as {@link #run} does but leaves it {@code Created}; {@link #start} runs
     * it. Its networking is torn down again: as Docker's, it is set up (addresses, ports, DNS) at each start.
     *
     * @throws ConflictException when the name is taken
     */
    public ContainerInfo create(ContainerImage image, ContainerSpec request, DetachOptions options) {
        ContainerCreation creation = creation();
        ContainerCreation.Made made = creation.make(image, request, options);
        try {
            bridges.detach(made.record());
            ContainerCreation.keep(made);
        } catch (RuntimeException e) {
            creation.undo(made, e);
            throw e;
        }
        return new ContainerInfo(made.record(), ContainerPhases.read(made.record(), made.directory()));
    }

    private ContainerCreation creation() {
        return new ContainerCreation(records, snapshotter, store, runtime, conmon, clock, bridges, networking);
    }

    /**
     * {@code start}: starts a created or exited container again, in the same root and bundle; a running one is left.
     * The start itself holds the container's restart lock, from a fresh read of the record: two starts, or a start
     * and a restart by policy, a {@code network connect} or an {@code rm}, then come one after the other. The old
     * conmon is waited for before the lock is taken: its exit command may be waiting for that lock.
     */
    public ContainerInfo start(String reference) {
        ContainerRecord found = records.find(reference);
        ContainerDirectory directory = records.directory(found.id());
        // A restarting container is left to its pending restart, as Docker's start leaves it.
        if (ContainerPhases.read(found, directory).isListed()) {
            return inspect(reference);
        }
        ContainerRemoval.awaitMonitorExit(directory);
        return RestartOnExit.guarded(directory, () -> {
            ContainerRecord record = records.find(found.id());
            if (ContainerPhases.read(record, directory).isListed()) {
                return inspect(record.id());
            }
            RootRemount.ensureMounted(record, directory);
            OciRuntime held = ContainerPhases.runtimeOf(record);
            FailedRunUndo.deleteRuntimeContainer(held, record.id());
            try {
                networking.attachAgain(record, directory.bundle());
                // A start by the user counts restarts afresh and lets the restart policy act again, as Docker's.
                ContainerRecord started = launch(record.startedByUser(), directory);
                return new ContainerInfo(started, ContainerPhases.read(started, directory));
            } catch (RuntimeException e) {
                FailedRunUndo.attempt(e, () -> FailedRunUndo.deleteRuntimeContainer(held, record.id()));
                FailedRunUndo.attempt(e, () -> bridges.detach(record));
                throw e;
            }
        });
    }

    /** {@code ps} ({@code all}: {@code ps -a}), oldest first. */
    public List<ContainerInfo> list(boolean all) {
        List<ContainerInfo> containers = new ArrayList<>();
        for (ContainerRecord record : records.all()) {
            var info = observed(record);
            if (all || info.phase().isListed()) {
                containers.add(info);
            }
        }
        return List.copyOf(containers);
    }

    /** The container named by ID, ID prefix or name. */
    public ContainerInfo inspect(String reference) {
        return observed(records.find(reference));
    }

    /** The container as it is now; a running one whose health monitor is gone gets it back. */
    private ContainerInfo observed(ContainerRecord record) {
        var info = new ContainerInfo(record, ContainerPhases.read(record, records.directory(record.id())));
        HealthMonitor.revive(cleanupCommand.isEmpty() ? List.of() : HealthMonitor.javaCommand(), records, info);
        return info;
    }

    /** {@code logs}: writes the container's output to {@code sink}; with {@code follow}, until it exits. */
    public void logs(String reference, LogOptions options, LogSink sink) {
        ContainerRecord record = records.find(reference);
        ContainerDirectory directory = records.directory(record.id());
        ContainerLogs.copy(directory, options, sink, () -> ContainerPhases.read(record, directory).isRunning());
    }

    /**
     * {@code stop}: the stop signal, then {@code SIGKILL} after {@code timeout} (Docker's 10 s when empty); returns
     * the exited container. A container not running is left as it is.
     */
    public ContainerInfo stop(String reference, Optional<Duration> timeout) {
        ContainerRecord record = markStopRequested(records.find(reference));
        ContainerDirectory directory = records.directory(record.id());
        ContainerPhase phase = ContainerPhases.read(record, directory);
        if (!phase.isRunning()) {
            if (phase instanceof ContainerPhase.Restarting) {
                // Its exit command sees the stop, gives the restart up and ends, and conmon with it.
                ContainerRemoval.awaitMonitorExit(directory);
            }
            return inspect(record.id());
        }
        Duration own = record.stopTimeout().isPresent() ? Duration.ofSeconds(record.stopTimeout().getAsInt())
                : DEFAULT_STOP_TIMEOUT;
        ContainerSignals.stop(record, directory, timeout.orElse(own));
        // conmon ends after its exit command, which tears the networks down: the host ports are free on return.
        ContainerRemoval.awaitMonitorExit(directory);
        return inspect(record.id());
    }

    /**
     * {@code kill}: sends {@code signal} ({@code KILL} when empty); for {@code KILL}, returns once the process exited.
     *
     * @throws ConflictException with Docker's text when the container is not running
     */
    public ContainerInfo kill(String reference, Optional<String> signal) {
        ContainerRecord record = records.find(reference);
        ContainerDirectory directory = records.directory(record.id());
        ContainerPhase phase = ContainerPhases.read(record, directory);
        if (phase instanceof ContainerPhase.Restarting) {
            // Docker's kill of a restarting container cancels the restart: marked stopped, its exit command ends.
            markStopRequested(record);
            ContainerRemoval.awaitMonitorExit(directory);
            return inspect(record.id());
        }
        if (!phase.isRunning()) {
            throw new ConflictException("cannot kill container: %s: container %s is not running"
                    .formatted(reference, record.id()));
        }
        String name = signal.orElse("KILL");
        record = markStopRequested(record);
        ContainerSignals.send(record, directory, name);
        if (ContainerSignals.isKill(name)) {
            ContainerSignals.awaitExit(directory, ContainerSignals.KILL_WAIT);
        }
        return inspect(record.id());
    }

    /**
     * {@code rm}: releases the container; {@code force} kills a running one first.
     *
     * @throws ConflictException with Docker's text for a running container without {@code force}
     */
    public void remove(String reference, boolean force) {
        remove(reference, force, false);
    }

    /** {@code rm [-f] [-v]}: {@code volumes} also removes the container's anonymous volumes, as Docker's {@code -v}. */
    public void remove(String reference, boolean force, boolean volumes) {
        ContainerRecord record = records.find(reference);
        ContainerPhase phase = force ? new ContainerPhase.Created() : ContainerPhases.read(record, records.directory(record.id()));
        if (phase.isListed()) {
            throw new ConflictException(("cannot remove container \"/%s\": container is %s: stop the container "
                    + "before removing or force remove").formatted(record.name(),
                    phase instanceof ContainerPhase.Restarting ? "restarting" : "running"));
        }
        ContainerRemoval.remove(records, record, conmon.socketDirectory(), Optional.of(bridges), volumes);
    }

    /** {@code wait}: blocks until the container is not running; returns its exit code (0 for one never started). */
    public int waitFor(String reference) {
        ContainerRecord record = records.find(reference);
        ContainerDirectory directory = records.directory(record.id());
        while (true) {
            switch (ContainerPhases.read(record, directory)) {
                case ContainerPhase.Exited exited -> {
                    return exited.exitCode();
                }
                case ContainerPhase.Created _ -> {
                    return 0;
                }
                case ContainerPhase.Running _ -> ContainerSignals.awaitExit(directory, Duration.ofSeconds(1));
                case ContainerPhase.Restarting _ -> ContainerSignals.awaitRestart(directory);
            }
        }
    }

    /**
     * {@code exec}: runs another process in the running container; returns its exit code.
     *
     * @throws ConflictException with Docker's text when the container is not running
     */
    public int exec(String reference, ExecSpec spec, dev.berth.runtime.Stdio stdio) {
        ContainerRecord record = records.find(reference);
        return ContainerExec.run(record, records.directory(record.id()), spec, stdio);
    }

    /** {@code commit}: the container's record and the changes of its writable layer, running or not. */
    public ContainerChanges changes(String reference) {
        return ContainerChanges.of(records.find(reference));
    }

    /**
     * {@code attach}: where the running container's conmon takes input and gives output.
     *
     * @throws ConflictException with Docker's text when the container is not running
     */
    public ContainerConsole console(String reference) {
        ContainerRecord record = records.find(reference);
        return ContainerConsole.of(record, records.directory(record.id()), conmon.socketDirectory());
    }

    private ContainerRecord launch(ContainerRecord record, ContainerDirectory directory) {
        return new ContainerLaunch(records, conmon, cleanupCommand,
                cleanupCommand.isEmpty() ? List.of() : HealthMonitor.javaCommand(), bridges, clock)
                .launch(record, directory);
    }

    /** Notes that the user ended it, so that its restart policy (conmon's exit command) does not start it again. */
    private ContainerRecord markStopRequested(ContainerRecord record) {
        if (!record.restart().restarts() || record.stopRequested()) {
            return record;
        }
        // Under the restart lock, from a fresh read: a restart in progress has then finished (and is what is stopped).
        return RestartOnExit.guarded(records.directory(record.id()), () -> {
            ContainerRecord marked = records.find(record.id()).withStopRequested(true);
            records.write(marked);
            return marked;
        });
    }

    /** The ports a running container publishes, host ports as chosen ({@code port}, {@code ps}). */
    public List<dev.berth.network.PortMapping> ports(ContainerRecord record) {
        return bridges.ports(record);
    }
}
