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
}
