package dev.berth.scan;

import java.util.Locale;
import java.util.Optional;

/** Severity ratings, lowest first, as CVSS v3 names them; GHSA's {@code MODERATE} is {@code MEDIUM}. */
public enum AdvisorySeverity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    /** The rating a word names ({@code high}, {@code Moderate}, {@code important}), if it names one. */
    public static Optional<AdvisorySeverity> parse(String word) {
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "LOW", "NEGLIGIBLE", "UNIMPORTANT" -> Optional.of(LOW);
            case "MEDIUM", "MODERATE" -> Optional.of(MEDIUM);
            case "HIGH", "IMPORTANT" -> Optional.of(HIGH);
            case "CRITICAL" -> Optional.of(CRITICAL);
            case "UNKNOWN" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** CVSS v3's qualitative rating of a base score. */
    public static AdvisorySeverity ofScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : UNKNOWN;
    }
}
