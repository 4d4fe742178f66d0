package dev.berth.cli;

import dev.berth.api.Berth;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth restart [-t N] CONTAINER...}: stops each as {@code stop} does, then starts it; prints each as given. */
@Command(name = "restart", description = "Restart one or more containers.", mixinStandardHelpOptions = true)
class RestartCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-t", "--timeout", "--time"}, paramLabel = "SECONDS",
            description = "Seconds to wait before killing the container (default: its stop timeout, or 10).")
    Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Duration> wait = Optional.ofNullable(timeout).map(seconds -> Duration.ofSeconds(Math.max(0, seconds)));
        try (Berth store = berth.open()) {
            return ContainerBatch.each(containers, spec, container -> {
                store.containers().restart(container, wait);
                return container;
            });
        }
    }
}
