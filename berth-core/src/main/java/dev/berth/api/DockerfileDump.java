package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A Dockerfile's syntax tree as text ({@code berth dockerfile parse}), and the parser's warnings.
 *
 * @param text the dump, in the {@link Format} asked for, ending with a newline
 */
public record DockerfileDump(List<Diagnostic> warnings, String text) {

    public DockerfileDump {
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(text, "text");
    }

    /** How the tree is written. */
    public enum Format {
        /** BuildKit's s-expression dump, which its parser tests compare. */
        BUILDKIT,
        /** JSON: directives, instructions, heredocs and warnings. */
        JSON
    }
}
