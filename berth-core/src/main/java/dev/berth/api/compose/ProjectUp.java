package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.compose.ServiceSpec.Condition;
import dev.berth.error.BerthException;
import dev.berth.error.ExecutionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code compose up}: resources, images, then the convergence plan acted on, each service on a virtual thread of
 * its own that first waits for its dependencies' conditions, so independent services start in parallel. Each step
 * is one the next run can take over from (a container is created and labelled in one call), so an interrupted run
 * converges the next time.
 */
final class ProjectUp {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Berth berth;
    private final ProjectSpec project;
    private final ComposeProgress progress;
    private final ContainerFactory factory;

    ProjectUp(Berth berth, ProjectSpec project, ComposeProgress progress) {
        this.berth = berth;
        this.project = project;
        this.progress = progress;
        this.factory = new ContainerFactory(berth, project);
    }

    /** The services {@code up} acts on: those named (all when none) and, unless {@code noDeps}, what they need. */
    static Set<String> selected(ProjectSpec project, List<String> named, boolean noDeps) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(named.isEmpty() ? List.copyOf(project.services().keySet()) : named);
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            ServiceSpec spec = project.services().get(name);
            if (spec == null) {
                throw new dev.berth.error.NotFoundException("no such service: " + name);
            }
            if (out.add(name) && !noDeps) {
                spec.dependsOn().keySet().stream().filter(project.services()::containsKey).forEach(todo::add);
            }
        }
        return out;
    }

    void run(UpOptions options) {
        Set<String> services = selected(project, options.services(), options.noDeps());
        ProjectResources resources = new ProjectResources(berth, project, progress);
        resources.networks(services);
        resources.volumes(services);
        List<ConvergencePlanner.Desired> desired = new ArrayList<>();
        for (ServiceSpec spec : project.services().values()) {
            String imageId = services.contains(spec.name()) ? resources.image(spec, options.build()) : "";
            desired.add(new ConvergencePlanner.Desired(spec.name(), options.scale().getOrDefault(spec.name(),
                    spec.scale()), spec.configHash(), imageId));
        }
        List<ObservedContainer> observed = ProjectState.containers(berth, project.name());
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        project.services().forEach((name, spec) -> dependencies.put(name, spec.dependsOn().keySet()));
        ConvergencePlanner.Plan plan = ConvergencePlanner.recreatingDependents(SharedNamespaces.recreatingStale(
                ConvergencePlanner.plan(desired, observed, options.forceRecreate(), services),
                SharedNamespaces.sharedServices(project), observed,
                id -> berth.containers().inspect(id).config().networkMode()), dependencies);
        orphans(plan.orphans(), options.removeOrphans());
        Map<String, String> images = new LinkedHashMap<>();
        desired.forEach(want -> images.put(want.service(), want.imageId()));
        Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : order(services)) {
                ServiceSpec spec = project.services().get(name);
                List<CompletableFuture<Void>> needs = spec.dependsOn().keySet().stream().filter(done::containsKey)
                        .map(done::get).toList();
                done.put(name, CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
                    spec.dependsOn().forEach((dependency, condition) -> {
                        if (services.contains(dependency)) {
                            await(dependency, condition.condition());
                        }
                    });
                    converge(spec, plan.services().getOrDefault(name, List.of()), images.get(name));
                }, threads));
            }
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            throw unwrap(failed);
        }
        if (options.waitReady()) {
            for (String name : services) {
                await(name, HealthSupport.reportsHealth() && project.services().get(name).healthcheck()
                        .filter(check -> !check.disabled()).isPresent() ? Condition.SERVICE_HEALTHY
                        : Condition.SERVICE_STARTED);
            }
        }
    }

    private void converge(ServiceSpec spec, List<ContainerAction> actions, String imageId) {
        for (ContainerAction action : actions) {
            switch (action) {
                case ContainerAction.Create(String service, int number) -> {
                    String name = factory.name(spec, number);
                    progress.event("Container", name, "Creating", false);
                    factory.start(spec, number, imageId);
                    progress.event("Container", name, "Started", true);
                }
                case ContainerAction.Recreate(String service, ObservedContainer old, String reason) -> {
                    progress.event("Container", old.name(), "Recreate", false);
                    berth.containers().stop(old.id(), spec.stopGrace());
                    berth.containers().remove(old.id(), true);
                    factory.start(spec, old.number(), imageId);
                    progress.event("Container", old.name(), "Recreated", true);
                }
                case ContainerAction.Start(String service, ObservedContainer container) -> {
                    progress.event("Container", container.name(), "Starting", false);
                    berth.containers().start(container.id());
                    progress.event("Container", container.name(), "Started", true);
                }
                case ContainerAction.Keep(String service, ObservedContainer container) ->
                        progress.event("Container", container.name(), "Running", true);
                case ContainerAction.Remove(String service, ObservedContainer container) -> remove(container,
                        spec.stopGrace());
            }
        }
    }

    private void orphans(List<ObservedContainer> orphans, boolean remove) {
        if (orphans.isEmpty()) {
            return;
        }
        if (!remove) {
            progress.warning("Found orphan containers (" + orphans.stream().map(ObservedContainer::name).toList()
                    + ") for this project. If you removed or renamed this service in your compose file, you can run"
                    + " this command with the --remove-orphans flag to clean it up.");
            return;
        }
        orphans.forEach(orphan -> remove(orphan, Optional.empty()));
    }

    private void remove(ObservedContainer container, Optional<Duration> grace) {
        progress.event("Container", container.name(), "Stopping", false);
        berth.containers().stop(container.id(), grace);
        progress.event("Container", container.name(), "Stopped", true);
        berth.containers().remove(container.id(), true);
        progress.event("Container", container.name(), "Removed", true);
    }

    /** Blocks until every container of {@code service} meets {@code condition}. */
    void await(String service, Condition condition) {
        while (true) {
            List<ContainerSummary> containers = ProjectState.containers(berth, project.name()).stream()
                    .filter(c -> c.service().equals(service) && !c.oneoff()).map(ObservedContainer::summary).toList();
            boolean met = !containers.isEmpty();
            for (ContainerSummary container : containers) {
                met &= switch (condition) {
                    case SERVICE_STARTED -> container.running() || container.exitCode().isPresent();
                    case SERVICE_HEALTHY -> healthy(service, container);
                    case SERVICE_COMPLETED_SUCCESSFULLY -> completed(service, container);
                };
            }
            if (met) {
                if (condition != Condition.SERVICE_STARTED) {
                    containers.forEach(c -> progress.event("Container", c.name(), condition
                            == Condition.SERVICE_HEALTHY ? "Healthy" : "Exited", true));
                }
                return;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException("interrupted while waiting for service " + service);
            }
        }
    }

    private boolean healthy(String service, ContainerSummary container) {
        if (!container.running()) {
            throw new ExecutionException("container " + container.name() + " exited ("
                    + container.exitCode().orElse(-1) + ")");
        }
        Optional<String> health = HealthSupport.health(container);
        if (health.filter("unhealthy"::equals).isPresent()) {
            throw new ExecutionException("container " + container.name() + " is unhealthy");
        }
        return health.map("healthy"::equals).orElse(true);
    }

    private static boolean completed(String service, ContainerSummary container) {
        if (container.running() || container.exitCode().isEmpty()) {
            return false;
        }
        if (container.exitCode().getAsInt() != 0) {
            throw new ExecutionException("service \"" + service + "\" didn't complete successfully: exit "
                    + container.exitCode().getAsInt());
        }
        return true;
    }

    /** The services with each after its dependencies (the loader has refused cycles). */
    private List<String> order(Set<String> services) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : services) {
            visit(name, services, seen, out);
        }
        return out;
    }

    private void visit(String name, Set<String> services, Set<String> seen, List<String> out) {
        if (!seen.add(name)) {
            return;
        }
        project.services().get(name).dependsOn().keySet().stream().filter(services::contains)
                .forEach(dependency -> visit(dependency, services, seen, out));
        out.add(name);
    }

    private static RuntimeException unwrap(CompletionException failed) {
        Throwable cause = failed.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof BerthException berthFailure ? berthFailure
                : cause instanceof RuntimeException runtime ? runtime : new ExecutionException("compose up", cause);
    }
}
