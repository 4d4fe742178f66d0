package dev.berth.api.compose;

import java.util.List;
import java.util.Map;

/**
 * {@code compose up}'s options, as Docker Compose's flags.
 *
 * @param services       the services named (empty: all), with their dependencies unless {@code noDeps}
 * @param build          {@code --build}: build images before starting
 * @param waitReady      {@code --wait}: return once every container is running, or healthy when it has a check
 * @param forceRecreate  {@code --force-recreate}
 * @param noDeps         {@code --no-deps}
 * @param removeOrphans  {@code --remove-orphans}
 * @param scale          {@code --scale SERVICE=N}, over the files' {@code scale}
 */
public record UpOptions(List<String> services, boolean build, boolean waitReady, boolean forceRecreate,
        boolean noDeps, boolean removeOrphans, Map<String, Integer> scale) {

    public UpOptions {
        services = List.copyOf(services);
        scale = Map.copyOf(scale);
    }

    /** {@code up} with no flags. */
    public static UpOptions defaults() {
        return new UpOptions(List.of(), false, false, false, false, false, Map.of());
    }
}
