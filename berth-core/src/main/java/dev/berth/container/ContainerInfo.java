package dev.berth.container;

import java.time.Instant;
import java.util.Objects;

/**
 * A detached container as {@code ps} and {@code inspect} show it: its record and where it is in its life now.
 *
 * @param record what it is
 * @param phase  created, running or exited, read when this was made
 */
public record ContainerInfo(ContainerRecord record, ContainerPhase phase) {

    public ContainerInfo {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(phase, "phase");
    }

    public String id() {
        return record.id();
    }

    public String name() {
        return record.name();
    }

    /** Docker's {@code STATUS} column at {@code now}. */
    public String status(Instant now) {
        return phase.status(now);
    }
}
