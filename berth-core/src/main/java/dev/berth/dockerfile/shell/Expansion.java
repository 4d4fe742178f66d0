package dev.berth.dockerfile.shell;

import java.util.Objects;
import java.util.Set;

/**
 * The result of expanding one word.
 *
 * @param result the word with quotes removed, escapes applied and variables substituted
 * @param matched names the word referenced that are set in the environment (even to the empty string), sorted
 * @param unmatched names the word referenced that are not set, sorted
 */
public record Expansion(String result, Set<String> matched, Set<String> unmatched) {

    public Expansion {
        Objects.requireNonNull(result, "result");
        matched = SortedNames.copyOf(matched);
        unmatched = SortedNames.copyOf(unmatched);
    }
}
