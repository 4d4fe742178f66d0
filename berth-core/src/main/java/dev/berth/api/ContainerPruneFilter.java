package dev.berth.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code berth container prune --filter}, as Docker's: {@code until=} keeps containers created at or after the
 * time; {@code label=KEY[=VALUE]} prunes only containers with the label, {@code label!=KEY[=VALUE]} only those
 * without it (several: every one must hold).
 *
 * @param until     only containers created before it
 * @param labels    {@code label=}: KEY or KEY=VALUE
 * @param notLabels {@code label!=}: KEY or KEY=VALUE
 */
public record ContainerPruneFilter(Optional<Instant> until, List<String> labels, List<String> notLabels) {

    /** Every stopped container. */
    public static final ContainerPruneFilter NONE = new ContainerPruneFilter(Optional.empty(), List.of(), List.of());

    public ContainerPruneFilter {
        Objects.requireNonNull(until, "until");
        labels = List.copyOf(labels);
        notLabels = List.copyOf(notLabels);
    }

    /** Whether a stopped container created at {@code created} with {@code containerLabels} is pruned. */
    public boolean prunes(Instant created, Map<String, String> containerLabels) {
        if (until.isPresent() && !created.isBefore(until.get())) {
            return false;
        }
        return labels.stream().allMatch(label -> has(containerLabels, label))
                && notLabels.stream().noneMatch(label -> has(containerLabels, label));
    }

    private static boolean has(Map<String, String> containerLabels, String label) {
        int equals = label.indexOf('=');
        String value = containerLabels.get(equals < 0 ? label : label.substring(0, equals));
        return value != null && (equals < 0 || label.substring(equals + 1).equals(value));
    }
}
