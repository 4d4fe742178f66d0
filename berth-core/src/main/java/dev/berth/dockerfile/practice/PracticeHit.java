package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Location;
import java.util.Objects;

/**
 * One place a rule is broken: the instruction, what is wrong there (secrets already redacted) and, when the rule's
 * general fix names more than applies here, the fix for this place.
 */
public record PracticeHit(Location location, String message, java.util.Optional<String> fix) {

    public PracticeHit {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    PracticeHit(Location location, String message) {
        this(location, message, java.util.Optional.empty());
    }
}
