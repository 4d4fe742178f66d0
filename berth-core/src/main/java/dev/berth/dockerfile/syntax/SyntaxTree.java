package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import java.util.List;

/** Stand-in for the syntax parser's tree (replaced at merge): the parsed file, directives and nodes. */
public record SyntaxTree(SourceFile source, char escapeToken, List<Directive> directives, List<Node> children,
        List<Diagnostic> warnings) {

    public SyntaxTree {
        directives = List.copyOf(directives);
        children = List.copyOf(children);
        warnings = List.copyOf(warnings);
    }
}
