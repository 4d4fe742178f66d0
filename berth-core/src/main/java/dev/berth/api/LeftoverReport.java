package dev.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * What a sweep of leftovers did: what killed builds and containers left (runtime containers, mounts, active
 * snapshots, bundles, work directories) whose owning process is gone and which it removed, and what it could not
 * remove (each failure names the leftover, the action and the cause; the next sweep tries again).
 */
public record LeftoverReport(List<Leftover> removed, List<String> failures) {

    public LeftoverReport {
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
    }

    public boolean isEmpty() {
        return removed.isEmpty() && failures.isEmpty();
    }

    /**
     * One removed leftover.
     *
     * @param kind     {@code container} or {@code build}
     * @param id       the container ID or the build's work directory name
     * @param purpose  what its owner made it for ({@code RUN}, {@code run}, {@code build})
     * @param pid      the process that is gone
     * @param released what was undone, in order ({@code runtime container}, {@code mount}, {@code snapshot},
     *                 {@code bundle}, {@code work directory})
     */
    public record Leftover(String kind, String id, String purpose, long pid, List<String> released) {

        public Leftover {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(purpose, "purpose");
            released = List.copyOf(released);
        }

        /** E.g. {@code RUN container berth-run-0a1b (pid 42 gone): runtime container, mount, snapshot, bundle}. */
        public String describe() {
            return "%s %s %s (pid %d gone): %s".formatted(purpose, kind, id, pid,
                    released.isEmpty() ? "record only" : String.join(", ", released));
        }
    }
}
