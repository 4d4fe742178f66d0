package dev.berth.api.compose;

/** What {@code up} does to one container of a service; {@link ConvergencePlanner} decides it. */
public sealed interface ContainerAction {

    String service();

    /** A new container with this number. */
    record Create(String service, int number) implements ContainerAction {
    }

    /** The old container goes (its config or image changed, or {@code --force-recreate}); a new one takes its number. */
    record Recreate(String service, ObservedContainer old, String reason) implements ContainerAction {
    }

    /** Up to date but stopped: started again. */
    record Start(String service, ObservedContainer container) implements ContainerAction {
    }

    /** Up to date and running: left alone, its ID kept. */
    record Keep(String service, ObservedContainer container) implements ContainerAction {
    }

    /** Beyond the service's scale, or of a service the project no longer has ({@code --remove-orphans}). */
    record Remove(String service, ObservedContainer container) implements ContainerAction {
    }
}
