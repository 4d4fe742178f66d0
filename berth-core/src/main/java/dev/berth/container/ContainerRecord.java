package dev.berth.container;

import dev.berth.image.Digest;
import dev.berth.image.HealthConfig;
import dev.berth.recovery.OwnerRecord;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What Berth knows of one detached container, kept as {@code container.json} in its directory: who it is, what it
 * was made from, and everything needed to start it again or release it from any process, without the request
 * that made it. Its state (running, exited) is not here: {@link ContainerPhase} reads it from the runtime and
 * conmon's exit file each time.
 *
 * @param id          64 hex digits
 * @param name        the unique name, without Docker's leading {@code /}
 * @param image       the image as the user named it ({@code busybox:latest}, an ID prefix)
 * @param imageId     the image's config digest
 * @param process     the resolved process (its {@code args} are the command {@code ps} shows)
 * @param created     when the container was made
 * @param labels      the image's labels with the request's over them
 * @param network     the network the container joins, as asked ({@code -P} already turned into {@code -p}s)
 * @param hostname    its hostname
 * @param seccomp     whether Berth's default seccomp filter applies
 * @param stopSignal  the signal {@code stop} sends first (the image's StopSignal, {@code SIGTERM} by default)
 * @param autoRemove  {@code --rm}: removed when its process exits
 * @param logSizeMax  conmon's {@code --log-size-max}: the log starts anew past this many bytes; empty for no limit
 * @param parent      the chain ID of the image's top layer, below the writable snapshot (empty for no layers)
 * @param runtime     the runtime holding the container, so another process can drive it
 * @param snapshots   the snapshotter holding its writable snapshot (named by the ID)
 * @param started     when its process was last started; empty while never started
 * @param mounts      its binds, volumes and tmpfs mounts, as resolved when it was made
 * @param stopTimeout {@code --stop-timeout}: seconds {@code stop} waits before {@code SIGKILL} when not told
 * @param health        its healthcheck, the run's over the image's ({@link HealthChecks#merge}); empty for none
 * @param restart       {@code --restart}
 * @param restartCount  how many times its restart policy started it again (Docker's {@code RestartCount})
 * @param stopRequested the user stopped or killed it: its restart policy does not start it again
 * @param requested     the Entrypoint and network mode as asked, for {@code inspect}; empty in older records
 */
public record ContainerRecord(String id, String name, String image, Digest imageId, SandboxProcess process,
        Instant created, Map<String, String> labels, NetworkOptions network, String hostname, boolean seccomp,
        String stopSignal, boolean autoRemove, OptionalLong logSizeMax, Optional<Digest> parent,
        OwnerRecord.RuntimeLocation runtime, SnapshotterLocation snapshots, Optional<Instant> started,
        List<ContainerMount> mounts, OptionalInt stopTimeout, Optional<HealthConfig> health, RestartRule restart,
        int restartCount, boolean stopRequested, Optional<RequestedConfig> requested) {

    /** Docker's default stop signal. */
    public static final String DEFAULT_STOP_SIGNAL = "SIGTERM";

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    public ContainerRecord {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a container ID is 64 lowercase hex digits: " + id);
        }
        Objects.requireNonNull(name, "name");
        if (!ContainerNames.isValid(name)) {
            throw new IllegalArgumentException("not a container name: " + name);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(created, "created");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(stopSignal, "stopSignal");
        if (stopSignal.isBlank()) {
            stopSignal = DEFAULT_STOP_SIGNAL;
        }
        Objects.requireNonNull(logSizeMax, "logSizeMax");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(started, "started");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(restart, "restart");
        if (restartCount < 0) {
            throw new IllegalArgumentException("a restart count is not negative: " + restartCount);
        }
        Objects.requireNonNull(requested, "requested");
    }

    /** Without what was asked for inspect ({@link RequestedConfig}), as records made before it. */
    public ContainerRecord(String id, String name, String image, Digest imageId, SandboxProcess process,
            Instant created, Map<String, String> labels, NetworkOptions network, String hostname, boolean seccomp,
            String stopSignal, boolean autoRemove, OptionalLong logSizeMax, Optional<Digest> parent,
            OwnerRecord.RuntimeLocation runtime, SnapshotterLocation snapshots, Optional<Instant> started,
            List<ContainerMount> mounts, OptionalInt stopTimeout, Optional<HealthConfig> health, RestartRule restart,
            int restartCount, boolean stopRequested) {
        this(id, name, image, imageId, process, created, labels, network, hostname, seccomp, stopSignal, autoRemove,
                logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout, health, restart, restartCount,
                stopRequested, Optional.empty());
    }

    /** Without a healthcheck or a restart policy. */
    public ContainerRecord(String id, String name, String image, Digest imageId, SandboxProcess process,
            Instant created, Map<String, String> labels, NetworkOptions network, String hostname, boolean seccomp,
            String stopSignal, boolean autoRemove, OptionalLong logSizeMax, Optional<Digest> parent,
            OwnerRecord.RuntimeLocation runtime, SnapshotterLocation snapshots, Optional<Instant> started,
            List<ContainerMount> mounts, OptionalInt stopTimeout) {
        this(id, name, image, imageId, process, created, labels, network, hostname, seccomp, stopSignal, autoRemove,
                logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout, Optional.empty(),
                RestartRule.never(), 0, false);
    }

    /** Without mounts or a stop timeout of its own. */
    public ContainerRecord(String id, String name, String image, Digest imageId, SandboxProcess process,
            Instant created, Map<String, String> labels, NetworkOptions network, String hostname, boolean seccomp,
            String stopSignal, boolean autoRemove, OptionalLong logSizeMax, Optional<Digest> parent,
            OwnerRecord.RuntimeLocation runtime, SnapshotterLocation snapshots, Optional<Instant> started) {
        this(id, name, image, imageId, process, created, labels, network, hostname, seccomp, stopSignal, autoRemove,
                logSizeMax, parent, runtime, snapshots, started, List.of(), OptionalInt.empty());
    }

    /** Docker's short ID: the first 12 hex digits. */
    public String shortId() {
        return id.substring(0, 12);
    }

    /** This record, started at {@code when}. */
    public ContainerRecord startedAt(Instant when) {
        return new ContainerRecord(id, name, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, Optional.of(when), mounts, stopTimeout,
                health, restart, restartCount, stopRequested, requested);
    }

    /**
     * This record as its restart policy starts it again: one more restart, not started yet (so the exit command of
     * the run being started waits for it, as for a first start), no stop asked for.
     */
    public ContainerRecord restarting() {
        return new ContainerRecord(id, name, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, Optional.empty(), mounts, stopTimeout,
                health, restart, restartCount + 1, false, requested);
    }

    /** This record as the user starts it again: restarts counted afresh, no stop asked for (Docker's {@code start}). */
    public ContainerRecord startedByUser() {
        return new ContainerRecord(id, name, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout,
                health, restart, 0, false, requested);
    }

    /** This record with the user's stop (or kill, or start: {@code false}) noted. */
    public ContainerRecord withStopRequested(boolean value) {
        return new ContainerRecord(id, name, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout,
                health, restart, restartCount, value, requested);
    }

    /** This record under another name ({@code rename}). */
    public ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout,
                health, restart, restartCount, stopRequested, requested);
    }

    /** This record on {@code network} instead ({@code network connect}/{@code disconnect} while not running). */
    public ContainerRecord withNetwork(NetworkOptions network) {
        return new ContainerRecord(id, name, image, imageId, process, created, labels, network, hostname, seccomp,
                stopSignal, autoRemove, logSizeMax, parent, runtime, snapshots, started, mounts, stopTimeout,
                health, restart, restartCount, stopRequested, requested);
    }

    /** The labels sorted by key, as {@code inspect} prints them. */
    public Map<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }
}
