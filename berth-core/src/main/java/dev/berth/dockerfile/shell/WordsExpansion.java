package dev.berth.dockerfile.shell;

import java.util.List;
import java.util.Set;

/**
 * The result of expanding a line and splitting it into words, as BuildKit's {@code ProcessWords}.
 *
 * @param words the words, never empty strings
 * @param matched names the line referenced that are set in the environment (even to the empty string), sorted
 * @param unmatched names the line referenced that are not set, sorted
 */
public record WordsExpansion(List<String> words, Set<String> matched, Set<String> unmatched) {

    public WordsExpansion {
        words = List.copyOf(words);
        if (words.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("words must not be empty strings: " + words);
        }
        matched = SortedNames.copyOf(matched);
        unmatched = SortedNames.copyOf(unmatched);
    }
}
