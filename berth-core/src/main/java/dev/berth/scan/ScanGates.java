package dev.berth.scan;

import java.util.List;
import java.util.Set;

/**
 * Which matches a report keeps: {@code --severity} (the ratings to report; empty for all), {@code --ignore-unfixed}
 * (no known fix: left out) and {@code --ignore-file} (ids, any of a match's ids or aliases).
 */
public record ScanGates(Set<AdvisorySeverity> severities, boolean ignoreUnfixed, Set<String> ignored) {

    public ScanGates {
        severities = Set.copyOf(severities);
        ignored = Set.copyOf(ignored);
    }

    public List<VulnerabilityMatch> apply(List<VulnerabilityMatch> matches) {
        return matches.stream()
                .filter(match -> severities.isEmpty() || severities.contains(match.severity()))
                .filter(match -> !ignoreUnfixed || match.fixed().isPresent())
                .filter(match -> ignored.stream().noneMatch(match::named))
                .toList();
    }
}
