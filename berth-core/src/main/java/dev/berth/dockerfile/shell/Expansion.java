package dev.berth.dockerfile.shell;

import java.util.Set;

/** Stand-in (replaced at merge): one expanded word and the variables it used or missed. */
public record Expansion(String result, Set<String> matched, Set<String> unmatched) {

    public Expansion {
        matched = Set.copyOf(matched);
        unmatched = Set.copyOf(unmatched);
    }
}
