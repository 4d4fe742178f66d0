package dev.berth.dockerfile.shell;

import java.util.List;
import java.util.Set;

/** Stand-in (replaced at merge): a line expanded and split into words. */
public record WordsExpansion(List<String> words, Set<String> matched, Set<String> unmatched) {

    public WordsExpansion {
        words = List.copyOf(words);
        matched = Set.copyOf(matched);
        unmatched = Set.copyOf(unmatched);
    }
}
