package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Location;
import java.util.Objects;

/** One place a rule is broken: the instruction and what is wrong there (secrets already redacted). */
public record PracticeHit(Location location, String message) {

    public PracticeHit {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
