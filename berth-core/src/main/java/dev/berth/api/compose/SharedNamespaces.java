package dev.berth.api.compose;

import dev.berth.error.ExecutionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code network_mode: service:X}, as Docker Compose 2.26.1 runs it: a new container of the service joins the network
 * namespace of X's first container (by name, Compose's {@code resolveSharedNamespaces}), given to the daemon as
 * {@code container:ID}; the loader has made X a dependency, so X converges first. Compose's config hash covers that
 * resolved mode, so a container whose namespace is no longer X's first container's (X was recreated by an earlier
 * {@code up}) is recreated; within one {@code up}, the cascade of {@link ConvergencePlanner#recreatingDependents}
 * does it. {@code network_mode: container:NAME} goes to the containers as written.
 */
final class SharedNamespaces {

    static final String SERVICE_PREFIX = "service:";
    static final String CONTAINER_PREFIX = "container:";

    private SharedNamespaces() {
    }

    /** X of {@code network_mode: service:X}, else empty. */
    static Optional<String> sharedService(ServiceSpec spec) {
        return spec.networkMode().filter(mode -> mode.startsWith(SERVICE_PREFIX))
                .map(mode -> mode.substring(SERVICE_PREFIX.length()));
    }

    /**
     * The mode a new container of {@code spec} is made with: {@code service:X} as {@code container:ID} of X's first
     * container now, any other as written.
     *
     * @throws ExecutionException Compose's {@code cannot share network namespace with service X: container missing}
     */
    static Optional<String> networkMode(ServiceSpec spec, List<ObservedContainer> observed) {
        Optional<String> service = sharedService(spec);
        if (service.isEmpty()) {
            return spec.networkMode();
        }
        return Optional.of(CONTAINER_PREFIX + first(service.get(), observed).map(ObservedContainer::id).orElseThrow(
                () -> new ExecutionException("cannot share network namespace with service " + service.get()
                        + ": container missing")));
    }

    /**
     * The plan with every container that the plan would keep or start, but whose namespace is not that of its
     * {@code service:X}'s first container now (or X has none), recreated instead.
     *
     * @param sharedServices X of each service with {@code network_mode: service:X} ({@link #sharedServices})
     * @param networkModeOf  a container's {@code HostConfig.NetworkMode} by its id
     */
    static ConvergencePlanner.Plan recreatingStale(ConvergencePlanner.Plan plan, Map<String, String> sharedServices,
            List<ObservedContainer> observed, Function<String, String> networkModeOf) {
        Map<String, List<ContainerAction>> actions = new LinkedHashMap<>(plan.services());
        for (Map.Entry<String, List<ContainerAction>> service : actions.entrySet()) {
            Optional<String> shared = Optional.ofNullable(sharedServices.get(service.getKey()));
            if (shared.isEmpty()) {
                continue;
            }
            String expected = first(shared.get(), observed).map(c -> CONTAINER_PREFIX + c.id()).orElse("");
            List<ContainerAction> list = new ArrayList<>();
            for (ContainerAction action : service.getValue()) {
                list.add(switch (action) {
                    case ContainerAction.Keep(String name, ObservedContainer container)
                            when !networkModeOf.apply(container.id()).equals(expected) ->
                            new ContainerAction.Recreate(name, container, "network namespace of " + shared.get() + " changed");
                    case ContainerAction.Start(String name, ObservedContainer container)
                            when !networkModeOf.apply(container.id()).equals(expected) ->
                            new ContainerAction.Recreate(name, container, "network namespace of " + shared.get() + " changed");
                    case ContainerAction.Keep keep -> keep;
                    case ContainerAction.Start start -> start;
                    case ContainerAction.Create create -> create;
                    case ContainerAction.Recreate recreate -> recreate;
                    case ContainerAction.Remove remove -> remove;
                });
            }
            service.setValue(List.copyOf(list));
        }
        return new ConvergencePlanner.Plan(actions, plan.orphans());
    }

    /** Each service with {@code network_mode: service:X}, to its X. */
    static Map<String, String> sharedServices(ProjectSpec project) {
        Map<String, String> out = new LinkedHashMap<>();
        project.services().forEach((name, spec) -> sharedService(spec).ifPresent(shared -> out.put(name, shared)));
        return out;
    }

    /** The service's first container by name, one-off ones aside, as Compose picks it. */
    private static Optional<ObservedContainer> first(String service, List<ObservedContainer> observed) {
        return observed.stream().filter(c -> !c.oneoff() && c.service().equals(service))
                .min(Comparator.comparing(ObservedContainer::name));
    }
}
