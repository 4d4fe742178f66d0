package dev.berth.api.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Desired state against the labelled containers, as Docker Compose 2.26.1 converges: per service, the containers
 * beyond its scale go (highest numbers first), the rest are recreated when their config hash or image changed (or
 * when forced), started when stopped, else kept; missing ones are created with the next numbers. Containers of
 * services the project no longer has are orphans. Pure: no container is touched here.
 */
final class ConvergencePlanner {

    /** One service as {@code up} wants it: its scale, config hash, and the image ID it should run. */
    record Desired(String service, int scale, String configHash, String imageId) {
        Desired {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(configHash, "configHash");
            Objects.requireNonNull(imageId, "imageId");
        }
    }

    /** The actions per service, in service order, and the orphans. */
    record Plan(Map<String, List<ContainerAction>> services, List<ObservedContainer> orphans) {
        Plan {
            services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
            orphans = List.copyOf(orphans);
        }
    }

    private ConvergencePlanner() {
    }

    /**
     * @param observed        the project's containers, one-off ones included (they are neither kept nor orphans)
     * @param forceRecreate   {@code --force-recreate}
     * @param services        the services {@code up} was asked for (with dependencies); the others are left alone
     */
    static Plan plan(List<Desired> desired, List<ObservedContainer> observed, boolean forceRecreate,
            Set<String> services) {
        Map<String, List<ContainerAction>> actions = new LinkedHashMap<>();
        Set<String> known = new java.util.HashSet<>();
        for (Desired want : desired) {
            known.add(want.service());
            if (!services.contains(want.service())) {
                continue;
            }
            List<ObservedContainer> have = new ArrayList<>(observed.stream()
                    .filter(c -> !c.oneoff() && c.service().equals(want.service()))
                    .sorted(Comparator.comparingInt(ObservedContainer::number)).toList());
            List<ContainerAction> list = new ArrayList<>();
            while (have.size() > want.scale()) {
                list.add(new ContainerAction.Remove(want.service(), have.removeLast()));
            }
            int next = 1;
            for (ObservedContainer container : have) {
                next = Math.max(next, container.number() + 1);
                if (forceRecreate) {
                    list.add(new ContainerAction.Recreate(want.service(), container, "forced"));
                } else if (!container.configHash().equals(want.configHash())) {
                    list.add(new ContainerAction.Recreate(want.service(), container, "config changed"));
                } else if (!container.imageId().equals(want.imageId())) {
                    list.add(new ContainerAction.Recreate(want.service(), container, "image changed"));
                } else if (!container.running()) {
                    list.add(new ContainerAction.Start(want.service(), container));
                } else {
                    list.add(new ContainerAction.Keep(want.service(), container));
                }
            }
            for (int i = have.size(); i < want.scale(); i++) {
                list.add(new ContainerAction.Create(want.service(), next++));
            }
            actions.put(want.service(), List.copyOf(list));
        }
        List<ObservedContainer> orphans = observed.stream().filter(c -> !c.oneoff() && !known.contains(c.service()))
                .toList();
        return new Plan(actions, orphans);
    }

    /**
     * Docker Compose 2.26.1's cascade: once a service's container is recreated, every service depending on it (by
     * any {@code depends_on}, whatever its {@code restart}) is recreated too, and so on down the graph, so that no
     * container keeps a namespace, address or mount of the one that went. Only what the plan would keep or start
     * changes; created and removed containers stay as planned.
     *
     * @param dependencies each service's {@code depends_on} names
     */
    static Plan recreatingDependents(Plan plan, Map<String, Set<String>> dependencies) {
        Map<String, List<ContainerAction>> actions = new LinkedHashMap<>(plan.services());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<ContainerAction>> service : actions.entrySet()) {
                Set<String> needs = dependencies.getOrDefault(service.getKey(), Set.of());
                String recreated = needs.stream().filter(need -> actions.getOrDefault(need, List.of()).stream()
                        .anyMatch(ContainerAction.Recreate.class::isInstance)).sorted().findFirst().orElse(null);
                if (recreated == null) {
                    continue;
                }
                List<ContainerAction> list = new ArrayList<>();
                for (ContainerAction action : service.getValue()) {
                    list.add(switch (action) {
                        case ContainerAction.Keep(String name, ObservedContainer container) ->
                                new ContainerAction.Recreate(name, container, "dependency " + recreated + " recreated");
                        case ContainerAction.Start(String name, ObservedContainer container) ->
                                new ContainerAction.Recreate(name, container, "dependency " + recreated + " recreated");
                        case ContainerAction.Create create -> create;
                        case ContainerAction.Recreate recreate -> recreate;
                        case ContainerAction.Remove remove -> remove;
                    });
                }
                if (!list.equals(service.getValue())) {
                    service.setValue(List.copyOf(list));
                    changed = true;
                }
            }
        }
        return new Plan(actions, plan.orphans());
    }
}
