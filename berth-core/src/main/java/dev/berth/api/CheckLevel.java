package dev.berth.api;

import java.util.Locale;

/** How much a check finding matters, ordered from most to least: {@code --fail-level} takes one. */
public enum CheckLevel {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case word the outputs use: SARIF's {@code level} ({@code info} is SARIF's {@code note}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a finding at this level fails a check whose fail level is {@code failLevel}. */
    public boolean reaches(CheckLevel failLevel) {
        return ordinal() <= failLevel.ordinal();
    }
}
