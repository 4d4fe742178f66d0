package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.golang.GoStrconv;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code berth ps --filter}, typed: Docker's keys, each value checked as Docker's daemon checks it. Several values
 * of one key: any may match (labels: every one must, as Docker's {@code MatchKVList}); different keys: all must.
 * {@code isolation} is accepted and ignored, as Docker on Linux does.
 *
 * @param ids        {@code id=}: unique ID prefixes (an ambiguous prefix matches nothing, as Docker's index)
 * @param names      {@code name=}: Go regular expressions, unanchored, against the name with and without {@code /}
 * @param labels     {@code label=KEY} or {@code label=KEY=VALUE}
 * @param exited     {@code exited=}: exit codes of containers that ran and exited
 * @param statuses   {@code status=}: Docker's state words; any one also lists stopped containers (as {@code -a})
 * @param ancestors  {@code ancestor=}: images (name, ID, ID prefix); a container of the image or of an image built
 *                   on it matches
 * @param before     {@code before=}: only containers created before this one (ID or name); the last given counts
 * @param since      {@code since=}: only containers created after this one
 * @param volumes    {@code volume=}: a volume name, a bind's host path, or a mount's destination
 * @param networks   {@code network=}: a network's name, or a prefix of its ID
 * @param publish    {@code publish=}: host ports a running container publishes
 * @param expose     {@code expose=}: container ports a running container exposes or publishes
 * @param health     {@code health=}: {@code starting}, {@code healthy}, {@code unhealthy} or {@code none}
 * @param task       {@code is-task=}: Swarm task containers only ({@code true}: Berth has none) or not
 */
public record ContainerFilter(List<String> ids, List<String> names, List<String> labels, List<Long> exited,
        List<String> statuses, List<String> ancestors, Optional<String> before, Optional<String> since,
        List<String> volumes, List<String> networks, Set<Port> publish, Set<Port> expose, List<String> health,
        Optional<Boolean> task) {

    /** No filter: {@code ps} as it is. */
    public static final ContainerFilter NONE = new ContainerFilter(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of(), Set.of(),
            List.of(), Optional.empty());

    /** Docker's container states ({@code container.IsValidStateString}). */
    static final Set<String> STATES = Set.of("created", "restarting", "running", "removing", "paused", "exited",
            "dead");

    /** Docker's health words, {@code none} for a container without a healthcheck. */
    static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

    public ContainerFilter {
        ids = List.copyOf(ids);
        names = List.copyOf(names);
        labels = List.copyOf(labels);
        exited = List.copyOf(exited);
        statuses = List.copyOf(statuses);
        ancestors = List.copyOf(ancestors);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(since, "since");
        volumes = List.copyOf(volumes);
        networks = List.copyOf(networks);
        publish = Set.copyOf(publish);
        expose = Set.copyOf(expose);
        health = List.copyOf(health);
        Objects.requireNonNull(task, "task");
    }

    /**
     * A port of {@code publish=} or {@code expose=}, as Docker's {@code nat.Port}.
     *
     * @param number   the port
     * @param protocol {@code tcp} unless given; any word, compared as written
     */
    public record Port(int number, String protocol) {
        public Port {
            Objects.requireNonNull(protocol, "protocol");
        }
    }

    /** Whether a stopped container can be listed without {@code -a}: any {@code status=} asks for every state. */
    public boolean listsAll() {
        return !statuses.isEmpty();
    }

    /** Whether nothing is filtered. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Parses {@code -f KEY=VALUE} values: keys are lower-cased and both sides trimmed, as Docker's client does.
     *
     * @throws InvalidInputException with Docker's words: {@code bad format of filter (expected name=value)},
     *                               {@code invalid filter 'KEY'}, {@code invalid filter 'status=VALUE'}, ...
     */
    public static ContainerFilter parse(List<String> filters) {
        var values = new FilterValues();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 0) {
                throw refuse(filter, "bad format of filter (expected name=value)");
            }
            String key = GoStrings.trimSpace(filter.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = GoStrings.trimSpace(filter.substring(equals + 1));
            try {
                values.add(key, value);
            } catch (IllegalArgumentException e) {
                throw refuse(filter, e.getMessage());
            }
        }
        return values.filter();
    }

    private static InvalidInputException refuse(String filter, String message) {
        SourceFile source = new SourceFile("--filter", filter);
        return new InvalidInputException(Diagnostic.error(source.name(),
                SourceRange.columns(1, 1, Math.max(2, filter.length() + 1)), message), source);
    }

    /** The values given so far, by key; {@link #add} checks each as Docker's daemon does. */
    private static final class FilterValues {
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<Long> exited = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();
        private final List<String> ancestors = new ArrayList<>();
        private Optional<String> before = Optional.empty();
        private Optional<String> since = Optional.empty();
        private final List<String> volumes = new ArrayList<>();
        private final List<String> networks = new ArrayList<>();
        private final Set<Port> publish = new LinkedHashSet<>();
        private final Set<Port> expose = new LinkedHashSet<>();
        private final List<String> health = new ArrayList<>();
        private final List<String> tasks = new ArrayList<>();

        void add(String key, String value) {
            switch (key) {
                case "id" -> ids.add(value);
                case "name" -> names.add(value);
                case "label" -> labels.add(value);
                case "exited" -> exited.add(GoStrconv.atoi(value));
                case "status" -> {
                    if (!STATES.contains(value)) {
                        throw new IllegalArgumentException("invalid filter 'status=" + value + "'");
                    }
                    statuses.add(value);
                }
                case "ancestor" -> ancestors.add(value);
                case "before" -> before = Optional.of(value);
                case "since" -> since = Optional.of(value);
                case "volume" -> volumes.add(value);
                case "network" -> networks.add(value);
                case "publish" -> publish.addAll(ports(key, value));
                case "expose" -> expose.addAll(ports(key, value));
                case "health" -> {
                    if (!HEALTH.contains(value)) {
                        throw new IllegalArgumentException("Unrecognised filter value for health: " + value);
                    }
                    health.add(value);
                }
                case "is-task" -> tasks.add(value);
                case "isolation" -> {
                    // Docker on Linux accepts it and lists every container whatever its value.
                }
                default -> throw new IllegalArgumentException("invalid filter '" + key + "'");
            }
        }

        ContainerFilter filter() {
            Optional<Boolean> task = Optional.empty();
            if (tasks.contains("true")) {
                task = Optional.of(true);
            } else if (tasks.contains("false")) {
                task = Optional.of(false);
            } else if (!tasks.isEmpty()) {
                throw refuse("is-task=" + String.join(",", tasks),
                        "invalid filter 'is-task=[" + String.join(" ", tasks) + "]'");
            }
            return new ContainerFilter(ids, names, labels, exited, statuses, ancestors, before, since, volumes,
                    networks, publish, expose, health, task);
        }

        /** Docker's {@code portOp}: {@code PORT[/PROTO]} or {@code START-END[/PROTO]}, no host address. */
        private static List<Port> ports(String key, String value) {
            if (value.contains(":")) {
                throw new IllegalArgumentException("filter for '" + key + "' should not contain ':': " + value);
            }
            String[] parts = value.split("/", -1);
            String protocol = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "tcp";
            String range = value.isEmpty() || parts[0].isEmpty() ? "" : parts[0];
            try {
                if (range.isEmpty()) {
                    throw new IllegalArgumentException("Empty string specified for ports.");
                }
                int dash = range.indexOf('-');
                long start = GoStrconv.parseUint(dash < 0 ? range : range.substring(0, dash), 16);
                long end = dash < 0 ? start : GoStrconv.parseUint(range.split("-", -1)[1], 16);
                if (end < start) {
                    throw new IllegalArgumentException("Invalid range specified for the Port: " + range);
                }
                List<Port> ports = new ArrayList<>();
                for (long port = start; port <= end; port++) {
                    ports.add(new Port((int) port, protocol));
                }
                return ports;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("error while looking up for %s %s: %s"
                        .formatted(key, value, e.getMessage()), e);
            }
        }
    }
}
