package dev.berth.api.compose;

import dev.berth.api.ContainerSummary;
import dev.berth.error.BerthException;
import dev.berth.error.ExecutionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Acts on containers in reverse dependency order, as Compose stops and removes them: a container waits until every
 * container of the services that depend on its own (its {@code depends_on} label names them) is done, and the rest
 * go at once, each on a virtual thread, so that stopping a project takes one stop timeout per level, not per
 * container.
 */
final class ReverseOrder {

    private ReverseOrder() {
    }

    static void each(List<ContainerSummary> containers, Consumer<ContainerSummary> action) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (ContainerSummary container : containers) {
            String service = container.labels().getOrDefault(ComposeLabels.SERVICE, "");
            for (String entry : container.labels().getOrDefault(ComposeLabels.DEPENDS_ON, "").split(",")) {
                if (!entry.isEmpty()) {
                    dependents.computeIfAbsent(entry.split(":")[0], name -> new ArrayList<>()).add(service);
                }
            }
        }
        Map<String, List<CompletableFuture<Void>>> byService = new HashMap<>();
        Map<ContainerSummary, CompletableFuture<Void>> done = new HashMap<>();
        containers.forEach(c -> done.put(c, new CompletableFuture<>()));
        containers.forEach(c -> byService.computeIfAbsent(c.labels().getOrDefault(ComposeLabels.SERVICE, ""),
                name -> new ArrayList<>()).add(done.get(c)));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ContainerSummary container : containers) {
                String service = container.labels().getOrDefault(ComposeLabels.SERVICE, "");
                List<CompletableFuture<Void>> waits = new ArrayList<>();
                dependents.getOrDefault(service, List.of()).stream().filter(d -> !d.equals(service))
                        .forEach(d -> waits.addAll(byService.getOrDefault(d, List.of())));
                threads.submit(() -> {
                    try {
                        // A dependent that failed still let go of its dependency: the failure is reported once.
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
