package dev.berth.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a build of a context sees a path ({@code berth context ls --why PATH}).
 *
 * @param ignoreFile the ignore file the context uses, if it has one
 * @param rule       the ignore-file line that excludes the path, empty when the path is not excluded
 */
public record ContextExclusion(String path, Optional<Path> ignoreFile, Optional<Rule> rule) {

    public ContextExclusion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ignoreFile, "ignoreFile");
        Objects.requireNonNull(rule, "rule");
        if (rule.isPresent() && ignoreFile.isEmpty()) {
            throw new IllegalArgumentException("a path is excluded only by an ignore file's line");
        }
    }

    public boolean excluded() {
        return rule.isPresent();
    }

    /** An ignore-file line: its number and its pattern as written. */
    public record Rule(int line, String pattern) {

        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            if (line < 1) {
                throw new IllegalArgumentException("lines are counted from 1, not " + line);
            }
        }
    }
}
