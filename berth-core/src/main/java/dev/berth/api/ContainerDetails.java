package dev.berth.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code berth inspect CONTAINER} shows beyond {@link ContainerSummary}: the state's times and pid, the
 * restart policy and count, the healthcheck and its state.
 *
 * @param summary      the container as {@code ps} lists it
 * @param startedAt    when its process was last started; empty while never started
 * @param finishedAt   when its process last ended; empty while it runs or never ran
 * @param pid          the host pid of its first process while it runs
 * @param restartPolicy {@code --restart}
 * @param restartCount how many times its restart policy started it again since the last start by the user
 * @param healthTest   its healthcheck's test ({@code ["CMD-SHELL", "..."]}); empty without one
 * @param health       its health state; empty without a healthcheck
 * @param config       what it was made with: process, mounts, ports, networks
 */
public record ContainerDetails(ContainerSummary summary, Optional<Instant> startedAt, Optional<Instant> finishedAt,
        OptionalLong pid, RestartPolicy restartPolicy, int restartCount, List<String> healthTest,
        Optional<ContainerHealth> health, ContainerConfigFacts config) {

    /** Without the facts of {@link ContainerConfigFacts}: Docker's zero values there. */
    public ContainerDetails(ContainerSummary summary, Optional<Instant> startedAt, Optional<Instant> finishedAt,
            OptionalLong pid, RestartPolicy restartPolicy, int restartCount, List<String> healthTest,
            Optional<ContainerHealth> health) {
        this(summary, startedAt, finishedAt, pid, restartPolicy, restartCount, healthTest, health,
                ContainerConfigFacts.NONE);
    }

    public ContainerDetails {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        healthTest = List.copyOf(healthTest);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(config, "config");
    }
}
