package dev.berth.dockerfile.shell;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Copies a set of variable names into an unmodifiable set that iterates in sorted order. */
final class SortedNames {

    private SortedNames() {}

    static Set<String> copyOf(Set<String> names) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
