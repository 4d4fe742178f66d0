package dev.berth.api;

import dev.berth.container.BootRestarts;
import dev.berth.container.BridgeAttachments;
import dev.berth.container.Conmon;
import dev.berth.container.ContainerCleanup;
import dev.berth.container.ContainerDirectory;
import dev.berth.container.ContainerImage;
import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerPhase;
import dev.berth.container.ContainerRecord;
import dev.berth.container.ContainerRecords;
import dev.berth.container.DetachOptions;
import dev.berth.container.DetachedContainers;
import dev.berth.container.LogOptions;
import dev.berth.error.ConflictException;
import dev.berth.image.Digest;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.PortMapping;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The façade's detached containers: finds the image, builds {@link DetachedContainers} with the runtime and
 * snapshotter RUN steps use, and turns what it gives into api types. The runtime is looked for only when a
 * container is there or asked for, so {@code ps} and {@code rmi} on a store without containers need none.
 */
final class DetachedRuns {

    private final ImageCatalog catalog;
    private final HostRunSteps runs;
    private final Path root;
    private final Path socketDirectory;
    private final Clock clock;
    private final BridgeAttachments bridges;
    private DetachedContainers containers;

    /**
     * @param root            the store's {@code containers/}
     * @param socketDirectory conmon's attach links; every process on a store must pass the same one
     */
    DetachedRuns(ImageCatalog catalog, HostRunSteps runs, Path root, Path socketDirectory, Clock clock,
            BridgeAttachments bridges) {
        this.bridges = bridges;
        this.catalog = catalog;
        this.runs = runs;
        this.root = root;
        this.socketDirectory = socketDirectory;
        this.clock = clock;
    }

    ContainerSummary run(RunRequest request, Optional<String> name, Map<String, String> labels, boolean autoRemove) {
        var container = image(request);
        var options = options(request, name, labels, autoRemove);
        try {
            return summary(containers().run(container, ForegroundRun.spec(request), options));
        } catch (NetworkArgumentException e) {
            throw ForegroundRun.invalid(e);
        }
    }

    /** {@code create}: as {@link #run}, the container left {@code Created}. */
    ContainerSummary create(RunRequest request, Optional<String> name, Map<String, String> labels, boolean autoRemove) {
        var container = image(request);
        var options = options(request, name, labels, autoRemove);
        try {
            return summary(containers().create(container, ForegroundRun.spec(request), options));
        } catch (NetworkArgumentException e) {
            throw ForegroundRun.invalid(e);
        }
    }

    private ContainerImage image(RunRequest request) {
        StoredImage image = catalog.find(request.image());
        return new ContainerImage(request.image(), image.id(), image.config().config(),
                ForegroundRun.layers(image, request.image()));
    }

    private static DetachOptions options(RunRequest request, Optional<String> name, Map<String, String> labels,
            boolean autoRemove) {
        try {
            // HostConfig.NetworkMode as Docker 20.10 records it: the first --network as given, "default" for none.
            String networkMode = request.network().mode().isEmpty() ? "default" : request.network().mode();
            return new DetachOptions(name, labels, autoRemove, OptionalLong.empty(),
                    RestartPolicies.healthcheck(request.host().health()), RestartPolicies.rule(request.host().restart()),
                    Optional.of(networkMode));
        } catch (IllegalArgumentException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    /** Newest first, as {@code docker ps} sorts. */
    List<ContainerSummary> list(boolean all) {
        if (!hasContainers()) {
            return List.of();
        }
        List<ContainerSummary> rows = new ArrayList<>(containers().list(all).stream().map(this::summary).toList());
        Collections.reverse(rows);
        return List.copyOf(rows);
    }

    /** {@code ps --filter}: newest first, Docker's rules ({@link ContainerSelection}). */
    List<ContainerSummary> list(boolean all, ContainerFilter filter) {
        if (filter.isEmpty()) {
            return list(all);
        }
        List<ContainerInfo> every = hasContainers() ? containers().list(true) : List.of();
        var facts = new ContainerFilterFacts(catalog, bridges, root, record -> containers().ports(record));
        return ContainerSelection.select(every, all, filter, reference -> new ContainerRecords(root).find(reference).id(),
                facts).stream().map(this::summary).toList();
    }

    /** {@code rename}: the record's name; a running container's DNS name on its networks changes at its next start. */
    void rename(String reference, String newName) {
        new ContainerRecords(root).rename(reference, newName);
    }

    /** {@code top}: the host's {@code ps} cut to the running container's processes. */
    dev.berth.container.ContainerTop.Table top(String reference, List<String> psOptions) {
        ContainerRecord record = containers().inspect(reference).record();
        return dev.berth.container.ContainerTop.of(record, ContainerDirectory.of(root, record.id()), psOptions);
    }

    /** {@code stats}: the containers named, or without names the running ones (with {@code all}, every one). */
    List<ContainerStats> stats(List<String> references, boolean all, Duration interval) {
        List<String> named = !references.isEmpty() ? references
                : list(all).reversed().stream().map(ContainerSummary::id).toList();
        return new ContainerStatsReading(reference -> containers().inspect(reference), clock).read(named, interval);
    }

    /** The containers made from the image, running ones first: {@code rmi} names one in its refusal. */
    List<ContainerSummary> using(Digest imageId) {
        List<ContainerSummary> users = new ArrayList<>(list(true).stream()
                .filter(container -> container.imageId().equals(imageId)).toList());
        users.sort((a, b) -> Boolean.compare(b.running(), a.running()));
        return List.copyOf(users);
    }

    ContainerSummary inspect(String reference) {
        return summary(containers().inspect(reference));
    }

    void logs(String reference, LogsRequest request, ContainerOutput output) {
        var options = new LogOptions(request.follow(), request.tail(), request.timestamps(), Optional.empty());
        containers().logs(reference, options, (stream, bytes) -> output.write(switch (stream) {
            case STDOUT -> ContainerOutput.Source.STDOUT;
            case STDERR -> ContainerOutput.Source.STDERR;
        }, bytes));
    }

    ContainerSummary stop(String reference, Optional<Duration> timeout) {
        return summary(containers().stop(reference, timeout));
    }

    ContainerSummary kill(String reference, Optional<String> signal) {
        return summary(containers().kill(reference, signal));
    }

    void remove(String reference, boolean force) {
        containers().remove(reference, force);
    }

    void remove(String reference, boolean force, boolean volumes) {
        containers().remove(reference, force, volumes);
    }

    int waitFor(String reference) {
        return containers().waitFor(reference);
    }

    /** {@code berth port}: what the container publishes now, one binding per port, by container port. */
    List<PortBinding> ports(String reference) {
        ContainerRecord record = containers().inspect(reference).record();
        List<PortBinding> bindings = new ArrayList<>();
        for (PortMapping mapping : containers().ports(record)) {
            for (int i = 0; i < mapping.range(); i++) {
                bindings.add(new PortBinding(mapping.containerPort() + i, mapping.protocol().specName(),
                        mapping.hostIp().isEmpty() ? "0.0.0.0" : mapping.hostIp(), mapping.hostPort() + i));
            }
        }
        bindings.sort(java.util.Comparator.comparing(PortBinding::protocol).thenComparingInt(PortBinding::containerPort));
        return List.copyOf(bindings);
    }

    /** The ids and names of the containers on bridge networks, what {@code network rm} and the sweep ask about. */
    List<ContainerRecord> records() {
        return new ContainerRecords(root).all();
    }

    int exec(String reference, dev.berth.container.ExecSpec spec, dev.berth.runtime.Stdio stdio) {
        return containers().exec(reference, spec, stdio);
    }

    dev.berth.container.ContainerChanges changes(String reference) {
        return containers().changes(reference);
    }

    dev.berth.container.ContainerConsole console(String reference) {
        return containers().console(reference);
    }

    ContainerSummary start(String reference) {
        return summary(containers().start(reference));
    }

    /** {@link Containers#startAfterReboot}. */
    List<String> startAfterReboot(Consumer<RuntimeException> failed) {
        return BootRestarts.of(new ContainerRecords(root), socketDirectory.getParent())
                .startDue(id -> containers().start(id), failed);
    }

    /** The clock the summaries' times are read with. */
    Clock clock() {
        return clock;
    }

    private boolean hasContainers() {
        return !new ContainerRecords(root).all().isEmpty();
    }

    /** The containers' records, for what reads or writes a container's files ({@link ContainerFiles}). */
    ContainerRecords recordStore() {
        return new ContainerRecords(root);
    }

    /** The detached containers, made on first use (finding the runtime costs a probe). */
    DetachedContainers containers() {
        if (containers == null) {
            containers = runs.detachedContainers(Conmon.standard(socketDirectory), ContainerCleanup.javaCommand(), clock,
                    bridges);
        }
        return containers;
    }

    /** {@code berth inspect CONTAINER}: the summary with the state's times, restarts and health. */
    ContainerDetails details(String reference) {
        ContainerInfo info = containers().inspect(reference);
        ContainerRecord record = info.record();
        Optional<ContainerHealth> health = record.health().isPresent()
                ? RestartPolicies.health(ContainerDirectory.of(root, record.id())) : Optional.empty();
        Optional<Instant> finished = switch (info.phase()) {
            case ContainerPhase.Exited exited -> Optional.of(exited.finished());
            case ContainerPhase.Restarting restarting -> Optional.of(restarting.finished());
            case ContainerPhase.Created _, ContainerPhase.Running _ -> Optional.empty();
        };
        OptionalLong pid = info.phase() instanceof ContainerPhase.Running running ? OptionalLong.of(running.pid())
                : OptionalLong.empty();
        return new ContainerDetails(summary(info, health), record.started(), finished, pid,
                RestartPolicies.policy(record.restart()), record.restartCount(),
                record.health().map(dev.berth.image.HealthConfig::test).orElse(List.of()), health,
                InspectFacts.of(record, info.phase().isRunning() ? ports(reference) : List.of(), bridges,
                        imageConfig(record.imageId())));
    }

    /** The config of the image a container was made from, when the store still has it. */
    private Optional<dev.berth.image.ContainerConfig> imageConfig(Digest imageId) {
        try {
            return catalog.lookup(imageId.toString()).map(image -> image.config().config());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private ContainerSummary summary(ContainerInfo info) {
        ContainerRecord record = info.record();
        return summary(info, record.health().isPresent()
                ? RestartPolicies.health(ContainerDirectory.of(root, record.id())) : Optional.empty());
    }

    private ContainerSummary summary(ContainerInfo info, Optional<ContainerHealth> health) {
        ContainerRecord record = info.record();
        OptionalInt exit = switch (info.phase()) {
            case ContainerPhase.Exited exited -> OptionalInt.of(exited.exitCode());
            case ContainerPhase.Restarting restarting -> OptionalInt.of(restarting.exitCode());
            case ContainerPhase.Created _, ContainerPhase.Running _ -> OptionalInt.empty();
        };
        String status = info.status(clock.instant());
        // Docker's STATUS: Up 5 seconds (healthy), while it runs and is not paused.
        if (info.phase() instanceof ContainerPhase.Running running && !running.paused() && health.isPresent()) {
            status += health.get().status().equals("starting") ? " (health: starting)"
                    : " (" + health.get().status() + ")";
        }
        return new ContainerSummary(record.id(), record.name(), record.image(), record.imageId(), record.process().args(),
                record.created(), info.phase().state(), status, exit, record.labels(),
                networkColumn(record), info.phase().isRunning()
                        ? containers().ports(record).stream().map(PortMapping::toString).toList() : List.of(),
                health.map(ContainerHealth::status));
    }

    /** {@code docker ps --format {{.Networks}}}: the networks' names, comma-separated (sorted, for a stable line). */
    static String networkColumn(ContainerRecord record) {
        return String.join(",", new java.util.TreeSet<>(record.network().networkNames()));
    }

}
