package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import java.util.List;
import java.util.Objects;

/**
 * A parsed Dockerfile: its parser directives, its instructions in order, and the warnings found on the way.
 *
 * @param escapeToken the escape character in force ({@code \} or {@code `})
 * @param children the instructions, at least one
 * @param warnings things BuildKit accepts but warns about (empty continuation lines); deprecated forms are
 *     the checker's rules, not parse warnings
 */
public record SyntaxTree(SourceFile source, char escapeToken, List<Directive> directives, List<Node> children,
                         List<Diagnostic> warnings) {

    public SyntaxTree {
        Objects.requireNonNull(source, "source");
        if (escapeToken != '\\' && escapeToken != '`') {
            throw new IllegalArgumentException("escape token must be \\ or `: " + escapeToken);
        }
        directives = List.copyOf(directives);
        children = List.copyOf(children);
        warnings = List.copyOf(warnings);
    }
}
