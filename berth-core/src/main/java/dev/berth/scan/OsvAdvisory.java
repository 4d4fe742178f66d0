package dev.berth.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OSV record, the fields matching needs.
 *
 * @param severity the record's severity: {@code database_specific.severity} (GHSA's words), else the highest
 *                 CVSS v3 base score of {@code severity[]} rated; {@link AdvisorySeverity#UNKNOWN} when neither
 * @param source   the file (and {@code all.zip} entry) it came from, for messages
 */
public record OsvAdvisory(String id, Optional<Instant> modified, Optional<Instant> withdrawn, List<String> aliases,
        String summary, AdvisorySeverity severity, List<Affected> affected, String source) {

    public OsvAdvisory {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** One {@code affected[]} entry: a package of an ecosystem and which of its versions are affected. */
    public record Affected(String ecosystem, String name, List<Range> ranges, List<String> versions,
                           AdvisorySeverity severity) {
        public Affected {
            ranges = List.copyOf(ranges);
            versions = List.copyOf(versions);
        }
    }

    /** {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT} (not matched: an image has no commits), with its events. */
    public record Range(String type, List<Event> events) {
        public Range {
            events = List.copyOf(events);
        }
    }

    public record Event(Kind kind, String version) {
        public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }
    }
}
