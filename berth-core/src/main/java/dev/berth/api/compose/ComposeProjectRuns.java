package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ComposeRequest;
import dev.berth.api.ContainerSummary;
import dev.berth.api.LogsRequest;
import dev.berth.api.PortBinding;
import dev.berth.api.Settings;
import dev.berth.compose.load.ComposeFileLocator;
import dev.berth.compose.load.ProjectLoader;
import dev.berth.compose.load.ProjectOptions;
import dev.berth.error.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Compose project on a {@link Berth}: {@code compose up}, {@code down} and the commands on its containers.
 * The project is the files' model when there are files, else (with {@code -p}) only its name: what exists is
 * always read from the labels, so {@code -p NAME ps}, {@code stop} and {@code down} work anywhere.
 * Commands that change containers hold the project's lock.
 */
public final class ComposeProjectRuns {

    private final Berth berth;
    private final Path lockDirectory;
    private final String name;
    private final Optional<ProjectSpec> spec;

    private ComposeProjectRuns(Berth berth, Path lockDirectory, String name, Optional<ProjectSpec> spec) {
        this.berth = berth;
        this.lockDirectory = lockDirectory;
        this.name = name;
        this.spec = spec;
    }

    /**
     * Loads the project {@code request} selects; with a project name and no Compose file found, the project is
     * that name alone.
     *
     * @param settings the settings {@code berth} was opened with: the project lock lives in its runtime state
     * @throws dev.berth.error.InvalidInputException naming file, line and attribute when the project is invalid or
     *     uses an attribute {@code up} cannot run
     * @throws NotFoundException when no Compose file is found and no project name is given
     */
    public static ComposeProjectRuns open(Berth berth, Settings settings, ComposeRequest request) {
        Path locks = settings.runtimeState().resolve("compose");
        ProjectOptions options = new ProjectOptions(request.workingDirectory(), request.files(),
                request.projectName(), request.projectDirectory(), request.envFiles(), request.profiles(),
                request.environment(), true);
        List<Path> files;
        try {
            files = ComposeFileLocator.locate(request.workingDirectory().toAbsolutePath().normalize(),
                    request.files(), request.environment()).files();
        } catch (NotFoundException noFile) {
            // Only a missing Compose file makes a name-only project; any other loading error is the user's to see.
            if (request.projectName().isPresent() && request.files().isEmpty()) {
                return new ComposeProjectRuns(berth, locks, request.projectName().get(), Optional.empty());
            }
            throw noFile;
        }
        ProjectSpec spec = ServiceSpecReader.read(ProjectLoader.load(options), files);
        return new ComposeProjectRuns(berth, locks, spec.name(), Optional.of(spec));
    }

    /** Every project with containers ({@code compose ls}); with {@code all}, stopped ones too. */
    public static List<ProjectSummary> list(Berth berth, boolean all) {
        return ProjectState.projects(berth, all);
    }

    public String name() {
        return name;
    }

    /** The files' model, read for {@code up}. @throws NotFoundException when the project came from {@code -p} alone */
    public ProjectSpec spec() {
        return spec.orElseThrow(() -> new NotFoundException("no configuration file provided: not found"));
    }

    /** What loading and reading the files warned of (Compose prints these first). */
    public List<String> warnings() {
        return spec.map(ProjectSpec::warnings).orElse(List.of());
    }

    /** {@code up -d}: the project converged, as {@link ProjectUp} describes; returns once started (or ready). */
    public void up(UpOptions options, ComposeProgress progress) {
        try (ProjectLock lock = ProjectLock.acquire(lockDirectory, name)) {
            new ProjectUp(berth, spec(), progress).run(options);
        }
    }

    /** {@code down}: containers, then networks, and with its options volumes and images. */
    public void down(DownOptions options, ComposeProgress progress) {
        try (ProjectLock lock = ProjectLock.acquire(lockDirectory, name)) {
            new ProjectDown(berth, name, spec, progress).run(options);
        }
    }

    /** {@code ps}: the project's containers of the services named (all when none), running ones unless {@code all}. */
    public List<ContainerSummary> containers(boolean all, List<String> services) {
        return ProjectState.containers(berth, name).stream()
                .filter(c -> services.isEmpty() || services.contains(c.service())).map(ObservedContainer::summary)
                .filter(c -> all || c.running()).toList();
    }

    /** The service names with containers, or in the files: {@code ps --services}. */
    public List<String> services() {
        return spec.map(s -> List.copyOf(s.services().keySet())).orElseGet(() -> ProjectState.containers(berth, name)
                .stream().map(ObservedContainer::service).distinct().sorted().toList());
    }

    /** {@code logs}: each container's output in turn, or with {@code follow} all at once until they exit. */
    public void logs(List<String> services, LogsRequest request, ComposeLogSink sink) {
        new ProjectLogs(berth).write(containers(true, services).stream().filter(c -> !oneoff(c)).toList(), request,
                sink);
    }

    /** {@code exec}: runs in the service's container number {@code index}; gives the command's exit code. */
    public int exec(String service, int index, dev.berth.api.ExecRequest request) {
        ContainerSummary container = container(service, index);
        return berth.execs().run(new dev.berth.api.ExecRequest(container.id(), request.command(), request.env(),
                request.user(), request.workingDir(), request.interactive(), request.tty(), request.detach()));
    }

    /** {@code run}: a one-off container; its output to {@code sink}, its exit code returned. */
    public int run(OneOffRun run, ComposeProgress progress, ComposeLogSink sink) {
        ProjectSpec project = spec();
        if (!project.services().containsKey(run.service())) {
            throw new NotFoundException("no such service: " + run.service());
        }
        if (!run.noDeps() && !project.services().get(run.service()).dependsOn().isEmpty()) {
            List<String> dependencies = List.copyOf(project.services().get(run.service()).dependsOn().keySet());
            up(new UpOptions(dependencies, false, false, false, false, false, java.util.Map.of()), progress);
        }
        return new ProjectOneOff(berth, project, progress).run(run, sink);
    }

    /** {@code stop}: dependents first, independent containers at once. */
    public void stop(List<String> services, Optional<Duration> timeout, ComposeProgress progress) {
        DependencyOrder.reverse(containers(false, services), container -> {
            progress.event("Container", container.name(), "Stopping", false);
            berth.containers().stop(container.id(), timeout);
            progress.event("Container", container.name(), "Stopped", true);
        });
    }

    /** {@code start}: the stopped containers of the services again. */
    public void start(List<String> services, ComposeProgress progress) {
        for (ContainerSummary container : containers(true, services)) {
            if (!container.running() && !oneoff(container)) {
                progress.event("Container", container.name(), "Starting", false);
                berth.containers().start(container.id());
                progress.event("Container", container.name(), "Started", true);
            }
        }
    }

    /**
     * {@code restart}: stopped, then started, running or not; as in Compose, the services that depend on a restarted
     * one with {@code restart: true} are restarted after it.
     */
    public void restart(List<String> services, Optional<Duration> timeout, ComposeProgress progress) {
        List<ContainerSummary> project = containers(true, List.of()).stream().filter(c -> !oneoff(c)).toList();
        DependencyOrder.restarting(project, services, container -> {
            progress.event("Container", container.name(), "Restarting", false);
            if (container.running()) {
                berth.containers().stop(container.id(), timeout);
            }
            berth.containers().start(container.id());
            progress.event("Container", container.name(), "Started", true);
        });
    }

    /** {@code kill}: the running containers get {@code signal} (KILL when empty). */
    public void kill(List<String> services, Optional<String> signal, ComposeProgress progress) {
        for (ContainerSummary container : containers(false, services)) {
            progress.event("Container", container.name(), "Killing", false);
            berth.containers().kill(container.id(), signal);
            progress.event("Container", container.name(), "Killed", true);
        }
    }

    /** {@code rm}: the stopped containers (with {@code stopFirst}, the running ones stopped first). The names removed. */
    public List<String> remove(List<String> services, boolean stopFirst, boolean volumes, ComposeProgress progress) {
        try (ProjectLock lock = ProjectLock.acquire(lockDirectory, name)) {
            List<String> removed = new java.util.ArrayList<>();
            for (ContainerSummary container : containers(true, services)) {
                if (container.running() && !stopFirst) {
                    continue;
                }
                if (container.running()) {
                    berth.containers().stop(container.id(), Optional.empty());
                }
                progress.event("Container", container.name(), "Removing", false);
                berth.containers().remove(container.id(), true, volumes);
                progress.event("Container", container.name(), "Removed", true);
                removed.add(container.name());
            }
            return List.copyOf(removed);
        }
    }

    /** {@code port SERVICE PRIVATE_PORT}: where it is published, {@code 0.0.0.0:8080}. */
    public Optional<String> port(String service, int privatePort, String protocol, int index) {
        return berth.containers().ports(container(service, index).id()).stream()
                .filter(b -> b.containerPort() == privatePort && b.protocol().equals(protocol))
                .map(PortBinding::hostAddress).findFirst();
    }

    /** {@code build}: the services that have a {@code build} section (all of them when none are named). */
    public void build(List<String> services, ComposeProgress progress) {
        ProjectResources resources = new ProjectResources(berth, spec(), progress);
        for (ServiceSpec service : spec().services().values()) {
            if (service.build().isPresent() && (services.isEmpty() || services.contains(service.name()))) {
                resources.build(service);
            }
        }
    }

    /** {@code pull}: the images of the services that name one and do not build it. */
    public void pull(List<String> services, ComposeProgress progress) {
        ProjectResources resources = new ProjectResources(berth, spec(), progress);
        Set<String> done = new java.util.HashSet<>();
        for (ServiceSpec service : spec().services().values()) {
            if (service.build().isEmpty() && (services.isEmpty() || services.contains(service.name()))
                    && done.add(service.image())) {
                resources.pull(service);
            }
        }
    }

    private ContainerSummary container(String service, int index) {
        return containers(false, List.of(service)).stream().filter(c -> !oneoff(c))
                .filter(c -> c.labels().getOrDefault(ComposeLabels.NUMBER, "").equals(Integer.toString(index)))
                .findFirst().orElseThrow(() -> new NotFoundException("service \"" + service
                        + "\" is not running container #" + index));
    }

    private static boolean oneoff(ContainerSummary container) {
        return "True".equalsIgnoreCase(container.labels().get(ComposeLabels.ONEOFF));
    }
}
