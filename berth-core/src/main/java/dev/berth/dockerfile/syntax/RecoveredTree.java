package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DockerfileParser#parseAll} read: the tree of the instructions without syntax errors (empty
 * when there is none) and every syntax error, in source order.
 */
public record RecoveredTree(Optional<SyntaxTree> tree, List<Diagnostic> errors) {

    public RecoveredTree {
        Objects.requireNonNull(tree, "tree");
        errors = List.copyOf(errors);
    }
}
