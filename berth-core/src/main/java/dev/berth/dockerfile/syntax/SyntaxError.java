package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;

/** Builds the {@link InvalidInputException} for a syntax error at one place of a Dockerfile. */
final class SyntaxError {

    private SyntaxError() {
    }

    static InvalidInputException at(SourceFile source, int line, int column, int endColumn, String message) {
        return new InvalidInputException(diagnostic(source, line, column, endColumn, message), source);
    }

    static InvalidInputException at(SourceFile source, int line, int column, int endColumn, String message,
                                     String hint) {
        return new InvalidInputException(diagnostic(source, line, column, endColumn, message).withHint(hint), source);
    }

    private static Diagnostic diagnostic(SourceFile source, int line, int column, int endColumn, String message) {
        return Diagnostic.error(source.name(), SourceRange.columns(line, column, endColumn), message);
    }
}
