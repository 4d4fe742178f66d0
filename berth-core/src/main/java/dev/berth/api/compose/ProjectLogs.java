package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.LogsRequest;
import dev.berth.error.ExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code compose logs}: one container after another, or when following, one virtual thread per container. */
final class ProjectLogs {

    private final Berth berth;

    ProjectLogs(Berth berth) {
        this.berth = berth;
    }

    void write(List<ContainerSummary> containers, LogsRequest request, ComposeLogSink sink) {
        if (!request.follow()) {
            containers.forEach(container -> berth.containers().logs(container.id(), request,
                    (source, bytes) -> sink.write(container, source, bytes)));
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> follows = new ArrayList<>();
            for (ContainerSummary container : containers) {
                follows.add(threads.submit(() -> berth.containers().logs(container.id(), request,
                        (source, bytes) -> sink.write(container, source, bytes))));
            }
            for (Future<?> follow : follows) {
                follow.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new ExecutionException("following logs", e.getCause());
        }
    }
}
