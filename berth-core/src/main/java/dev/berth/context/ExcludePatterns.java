package dev.berth.context;

import dev.berth.dockerfile.ignore.IgnoreMatcher;
import java.util.List;

/**
 * The {@code --exclude} patterns of a COPY or ADD, matched as an ignore file's are (moby's patternmatcher, through
 * {@link IgnoreMatcher}: a pattern matching a directory excludes what lies under it, {@code !} re-includes), so
 * the engine matches paths without knowing the Dockerfile frontend. Compiled when first matched, not when the
 * build is planned: a malformed pattern is refused by the step that uses it. Equal when the patterns are.
 * Immutable and safe to share between threads.
 */
public final class ExcludePatterns {

    /** No {@code --exclude}: nothing is excluded. */
    public static final ExcludePatterns NONE = new ExcludePatterns(List.of());

    private final List<String> patterns;
    private volatile IgnoreMatcher matcher;

    private ExcludePatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static ExcludePatterns of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new ExcludePatterns(patterns);
    }

    /** The patterns as written (variables expanded), in order. */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * True when {@code path} (relative, with {@code /}) is excluded.
     *
     * @throws dev.berth.error.InvalidInputException when a pattern is malformed
     */
    public boolean excludes(String path) {
        if (patterns.isEmpty()) {
            return false;
        }
        IgnoreMatcher compiled = matcher;
        if (compiled == null) {
            // Two threads may both compile: the matchers are equal, and the last one is kept.
            compiled = IgnoreMatcher.compile(patterns);
            matcher = compiled;
        }
        return compiled.matches(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExcludePatterns that && patterns.equals(that.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "ExcludePatterns" + patterns;
    }
}
