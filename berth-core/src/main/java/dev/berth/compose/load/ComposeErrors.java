package dev.berth.compose.load;

import dev.berth.compose.model.NodePosition;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;

/** The one way the loader reports a bad project: {@code FILE:LINE: attribute: cause}, exit code 1. */
final class ComposeErrors {

    private ComposeErrors() {
    }

    static InvalidInputException at(NodePosition position, String message) {
        return new InvalidInputException(Diagnostic.error(position.file(),
                SourceRange.columns(Math.max(1, position.line()), Math.max(1, position.column()),
                        Math.max(1, position.column())), message), null);
    }

    static InvalidInputException attribute(NodePosition position, String path, String message) {
        return at(position, path + ": " + message);
    }
}
