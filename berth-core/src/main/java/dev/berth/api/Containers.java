package dev.berth.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Detached containers, Docker's container commands: {@code run -d}, {@code ps}, {@code inspect}, {@code logs},
 * {@code start}, {@code stop}, {@code kill}, {@code rm}, {@code wait}, {@code port} and {@code attach}. Reached by
 * {@link Berth#containers()}. Containers are found by full ID, name or unique ID prefix
 * ({@code No such container: X} otherwise).
 */
public final class Containers {

    private final DetachedRuns detached;

    Containers(DetachedRuns detached) {
        this.detached = detached;
    }

    /**
     * {@code berth run -d}: makes the container and starts it under its own conmon, so it outlives this process;
     * returns once its process runs. The request's streams are not used (output goes to the container's log).
     *
     * @param name       {@code --name}; generated when empty
     * @param labels     {@code --label}, over the image's labels
     * @param autoRemove {@code --rm}: removed when its process exits
     * @throws dev.berth.error.ConflictException when the name is taken
     */
    public ContainerSummary run(RunRequest request, Optional<String> name, Map<String, String> labels,
            boolean autoRemove) {
        return detached.run(request, name, labels, autoRemove);
    }

    /**
     * {@code berth create}: makes the container as {@link #run} does, without starting it ({@code Created});
     * {@link #start} runs it. Its networks are set up at each start, as Docker's.
     *
     * @throws dev.berth.error.ConflictException when the name is taken
     */
    public ContainerSummary create(RunRequest request, Optional<String> name, Map<String, String> labels,
            boolean autoRemove) {
        return detached.create(request, name, labels, autoRemove);
    }

    /** {@code berth ps}: the running detached containers, or with {@code all} every one; newest first. */
    public List<ContainerSummary> list(boolean all) {
        return detached.list(all);
    }

    /**
     * {@code berth ps --filter}: the containers {@code filter} lets through, newest first, by Docker's rules (a
     * {@code status=} filter lists stopped containers without {@code all}).
     *
     * @throws dev.berth.error.NotFoundException when {@code before=} or {@code since=} names no container
     */
    public List<ContainerSummary> list(boolean all, ContainerFilter filter) {
        return detached.list(all, filter);
    }

    /** The container as {@code ps} shows it (its health included). */
    public ContainerSummary summary(String container) {
        return detached.inspect(container);
    }

    /** {@code berth inspect CONTAINER}: state times, restart policy and count, healthcheck and health state. */
    public ContainerDetails inspect(String container) {
        return detached.details(container);
    }

    /** {@code berth port}: the ports a running container publishes, by container port; empty once stopped. */
    public List<PortBinding> ports(String container) {
        return detached.ports(container);
    }

    /** {@code berth logs}: what the container wrote; with {@code follow}, until it exits. */
    public void logs(String container, LogsRequest request, ContainerOutput output) {
        detached.logs(container, request, output);
    }

    /** {@code berth start}: a created or exited container again; a running one is left as it is. */
    public ContainerSummary start(String container) {
        return detached.start(container);
    }

    /**
     * Once per boot, the first container command's duty with no daemon to do it at boot: starts the containers
     * whose restart policy says so and whose end, the host going down, nobody saw; returns their names.
     *
     * @param failed told of each container that did not start (it is not tried again this boot)
     */
    public List<String> startAfterReboot(Consumer<RuntimeException> failed) {
        return detached.startAfterReboot(failed);
    }

    /**
     * {@code berth start -a [-i]}: starts the container and joins its output ({@code stdin}: also this process's
     * input, through {@link #attach}) until it exits; its exit code. Without {@code stdin} the output is read
     * from the container's log from this start on, so a process that ends at once loses nothing.
     */
    public int startAttached(String container, boolean stdin, ContainerOutput output) {
        return new ContainerAttachment(detached).startAttached(container, stdin, output);
    }

    /** {@code berth stop}: its stop signal, then SIGKILL after {@code timeout} (10 s when empty). */
    public ContainerSummary stop(String container, Optional<Duration> timeout) {
        return detached.stop(container, timeout);
    }

    /**
     * {@code berth restart}: stops it as {@link #stop} does (a container not running is left as it is), then
     * starts it.
     */
    public ContainerSummary restart(String container, Optional<Duration> timeout) {
        detached.stop(container, timeout);
        return detached.start(container);
    }

    /** {@code berth container prune}: removes the stopped containers {@code filter} lets through. */
    public ContainerPruneReport prune(ContainerPruneFilter filter) {
        return new ContainerPruning(detached).prune(filter);
    }

    /**
     * {@code berth rename}: gives the container {@code newName} (Docker's name rules). A running container on a
     * user network keeps answering to its old DNS name until it is started again: netavark sets a container's
     * names up with its networks and offers no live update (Docker's daemon updates its DNS at once).
     *
     * @throws dev.berth.error.ConflictException with Docker's text when another container has the name
     */
    public void rename(String container, String newName) {
        detached.rename(container, newName);
    }

    /**
     * {@code berth top CONTAINER [ps OPTIONS]}: the host's {@code ps} ({@code -ef} without options), its rows cut
     * to the container's processes; titles, then one row per process.
     *
     * @throws dev.berth.error.ConflictException when the container is not running
     */
    public ContainerProcesses top(String container, List<String> psOptions) {
        var table = detached.top(container, psOptions);
        return new ContainerProcesses(table.titles(), table.processes());
    }

    /**
     * {@code berth stats --no-stream}: one row per container named (without names, the running ones; with
     * {@code all}, every one), read twice {@code interval} apart for the CPU share; a container not running shows
     * zeros.
     *
     * @throws dev.berth.error.NotFoundException {@code No such container: X}
     */
    public List<ContainerStats> stats(List<String> containers, boolean all, Duration interval) {
        return detached.stats(containers, all, interval);
    }

    /** {@code berth kill}: {@code signal} (KILL when empty); refused for a container that is not running. */
    public ContainerSummary kill(String container, Optional<String> signal) {
        return detached.kill(container, signal);
    }

    /**
     * {@code berth rm [-f] [-v]}: refused for a running container unless {@code force}, which kills it first; with
     * {@code volumes}, the container's anonymous volumes go too.
     */
    public void remove(String container, boolean force, boolean volumes) {
        detached.remove(container, force, volumes);
    }

    /** {@code berth rm [-f]}, its anonymous volumes kept. */
    public void remove(String container, boolean force) {
        detached.remove(container, force);
    }

    /** {@code berth wait}: blocks until the container is not running; its exit code (0 if never started). */
    public int waitFor(String container) {
        return detached.waitFor(container);
    }

    /**
     * {@code berth attach}: this process's standard streams joined to the running container's (its terminal, with
     * {@code run -t}); returns the container's exit code, or 0 when ctrl-p ctrl-q detached.
     */
    public int attach(String container) {
        return new ContainerAttachment(detached).attach(container);
    }

    /**
     * {@code berth cp CONTAINER:SRC -}: a tar of {@code source} in the container, running or not, to {@code out};
     * with {@code follow} ({@code -L}) a symlink {@code source} is followed. Returns the bytes of content copied.
     * Every path is resolved inside the container's root: no symlink in it leads out (see docs/containers.md).
     *
     * @throws dev.berth.error.NotFoundException {@code No such container:path: C:SRC}
     */
    public long copyOut(String container, String source, boolean follow, OutputStream out) {
        return files().copyOut(container, source, follow, out);
    }

    /** {@code berth cp CONTAINER:SRC DEST}: onto the host by Docker's rules (trailing {@code /}, {@code /.}). */
    public long copyOut(String container, String source, boolean follow, String destination) {
        return files().copyOut(container, source, follow, destination);
    }

    /**
     * {@code berth cp - CONTAINER:DEST}: the tar {@code in} extracted into the directory {@code destination}; owned
     * by root unless {@code archive} ({@code -a}) keeps the tar's owners.
     */
    public long copyIn(String container, InputStream in, String destination, boolean archive) {
        return files().copyIn(container, in, destination, archive);
    }

    /** {@code berth cp SRC CONTAINER:DEST}: from the host by Docker's rules; root's unless {@code archive}. */
    public long copyIn(String container, String source, boolean follow, String destination, boolean archive) {
        return files().copyIn(container, source, follow, destination, archive);
    }

    /**
     * {@code berth diff}: the container's changes as Docker's lines, {@code A /path}, {@code C /path},
     * {@code D /path}, in the order of a walk of its writable layer; running or not.
     */
    public List<String> diff(String container) {
        return files().diff(container);
    }

    /**
     * {@code berth export}: the container's whole root file system (its image's layers and its changes; not its
     * volumes or mounts) as a tar to {@code out}. Returns the bytes of content written.
     */
    public long export(String container, OutputStream out) {
        return files().export(container, out);
    }

    private ContainerFiles files() {
        return new ContainerFiles(detached.recordStore());
    }
}
