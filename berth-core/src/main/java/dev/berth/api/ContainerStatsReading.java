package dev.berth.api;

import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerPhase;
import dev.berth.container.ContainerStatsSample;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code berth stats}: two readings of each container {@code interval} apart (Docker's daemon also reads twice, a
 * second apart), the CPU share from their difference, the rest from the second.
 */
final class ContainerStatsReading {

    private final Function<String, ContainerInfo> lookup;
    private final Clock clock;

    ContainerStatsReading(Function<String, ContainerInfo> lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** @throws dev.berth.error.NotFoundException {@code No such container: X} */
    List<ContainerStats> read(List<String> references, Duration interval) {
        List<ContainerInfo> containers = references.stream().map(lookup).toList();
        List<ContainerStatsSample> first = containers.stream().map(this::sample).toList();
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ContainerStats> rows = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerInfo container = containers.get(i);
            ContainerStatsSample before = first.get(i);
            ContainerStatsSample after = sample(lookup.apply(container.record().id()));
            long wall = Duration.between(before.at(), after.at()).toNanos();
            double cpu = wall <= 0 || after.cpuNanos() < before.cpuNanos() || before.cpuNanos() == 0 ? 0
                    : 100.0 * (after.cpuNanos() - before.cpuNanos()) / wall;
            rows.add(new ContainerStats(container.record().id(), container.record().name(), cpu, after.memoryUsage(),
                    after.memoryLimit(), after.netReceived(), after.netSent(), after.blockRead(),
                    after.blockWritten(), after.pids()));
        }
        return List.copyOf(rows);
    }

    private ContainerStatsSample sample(ContainerInfo container) {
        if (container.phase() instanceof ContainerPhase.Running running) {
            try {
                return ContainerStatsSample.read(container.record(), running.pid(), clock.instant());
            } catch (dev.berth.error.BerthException exitedMeanwhile) {
                return ContainerStatsSample.none(clock.instant());
            }
        }
        return ContainerStatsSample.none(clock.instant());
    }
}
