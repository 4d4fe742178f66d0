package dev.berth.api.compose;

import dev.berth.api.ContainerSummary;
import dev.berth.error.BerthException;
import dev.berth.error.ExecutionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Acts on containers in the order their {@code depends_on} labels give, as Compose does, each container on a virtual
 * thread that waits only for the containers it must: a project's level takes one stop timeout, not one per
 * container. {@link #reverse} stops and removes (dependents first); {@link #restarting} restarts (dependencies
 * first, over the {@code restart: true} edges only, which are the only ones Compose's {@code restart} keeps).
 */
final class DependencyOrder {

    /** One edge of a {@code depends_on} label: the service depended on, and whether its restarts carry over. */
    private record Edge(String dependency, boolean restart) {
    }

    private DependencyOrder() {
    }

    /** Dependents before their dependencies. */
    static void reverse(List<ContainerSummary> containers, Consumer<ContainerSummary> action) {
        Map<String, Set<String>> waitsFor = new HashMap<>();
        for (ContainerSummary container : containers) {
            for (Edge edge : edges(container)) {
                waitsFor.computeIfAbsent(edge.dependency(), name -> new LinkedHashSet<>()).add(service(container));
            }
        }
        walk(containers, waitsFor, action);
    }

    /**
     * Compose's {@code restart}: the containers of {@code services} (all when empty), those of every service that
     * depends on one of them with {@code restart: true} (and so on), dependencies first over those edges.
     */
    static void restarting(List<ContainerSummary> project, List<String> services, Consumer<ContainerSummary> action) {
        Set<String> chosen = new LinkedHashSet<>(services);
        boolean grew = !services.isEmpty();
        while (grew) {
            grew = false;
            for (ContainerSummary container : project) {
                if (!chosen.contains(service(container)) && edges(container).stream()
                        .anyMatch(edge -> edge.restart() && chosen.contains(edge.dependency()))) {
                    grew = chosen.add(service(container));
                }
            }
        }
        List<ContainerSummary> going = project.stream()
                .filter(c -> services.isEmpty() || chosen.contains(service(c))).toList();
        Map<String, Set<String>> waitsFor = new HashMap<>();
        for (ContainerSummary container : going) {
            edges(container).stream().filter(Edge::restart).forEach(edge -> waitsFor
                    .computeIfAbsent(service(container), name -> new LinkedHashSet<>()).add(edge.dependency()));
        }
        walk(going, waitsFor, action);
    }

    private static String service(ContainerSummary container) {
        return container.labels().getOrDefault(ComposeLabels.SERVICE, "");
    }

    /** {@code db:service_healthy:true,…}: Compose 2.26's label, restart flag last. */
    private static List<Edge> edges(ContainerSummary container) {
        List<Edge> edges = new ArrayList<>();
        for (String entry : container.labels().getOrDefault(ComposeLabels.DEPENDS_ON, "").split(",")) {
            if (!entry.isEmpty()) {
                String[] parts = entry.split(":");
                edges.add(new Edge(parts[0], parts.length > 2 && parts[2].equals("true")));
            }
        }
        return edges;
    }

    /** Each container once every container of the services {@code waitsFor} names for its own service is done. */
    private static void walk(List<ContainerSummary> containers, Map<String, Set<String>> waitsFor,
            Consumer<ContainerSummary> action) {
        Map<String, List<CompletableFuture<Void>>> byService = new HashMap<>();
        Map<ContainerSummary, CompletableFuture<Void>> done = new HashMap<>();
        containers.forEach(c -> done.put(c, new CompletableFuture<>()));
        containers.forEach(c -> byService.computeIfAbsent(service(c), name -> new ArrayList<>()).add(done.get(c)));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ContainerSummary container : containers) {
                String service = service(container);
                List<CompletableFuture<Void>> waits = new ArrayList<>();
                waitsFor.getOrDefault(service, Set.of()).stream().filter(d -> !d.equals(service))
                        .forEach(d -> waits.addAll(byService.getOrDefault(d, List.of())));
                threads.submit(() -> {
                    try {
                        // A container that failed still lets the others go: the failure is reported once.
                        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).exceptionally(f -> null).join();
                        action.accept(container);
                        done.get(container).complete(null);
                    } catch (RuntimeException failed) {
                        done.get(container).completeExceptionally(failed);
                    }
                });
            }
        }
        for (CompletableFuture<Void> future : done.values()) {
            try {
                future.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof BerthException berth ? berth
                        : new ExecutionException("compose", failed.getCause());
            }
        }
    }
}
