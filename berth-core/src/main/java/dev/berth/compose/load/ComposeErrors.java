package dev.berth.compose.load;

import dev.berth.compose.model.NodePosition;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one way the loader reports a bad project: {@code FILE:LINE: attribute: cause}, exit code 1. */
final class ComposeErrors {

    private ComposeErrors() {
    }

    static InvalidInputException at(NodePosition position, String message) {
        return new InvalidInputException(Diagnostic.error(position.file(),
                SourceRange.columns(Math.max(1, position.line()), Math.max(1, position.column()),
                        Math.max(1, position.column())), message), source(position.file()));
    }

    /** The file's text, so the error shows its line with a caret; none when it cannot be read again. */
    private static SourceFile source(String file) {
        try {
            Path path = Path.of(file);
            return Files.isRegularFile(path) ? new SourceFile(file, Files.readString(path, StandardCharsets.UTF_8))
                    : null;
        } catch (IOException | java.nio.file.InvalidPathException | java.io.UncheckedIOException unreadable) {
            return null;
        }
    }

    static InvalidInputException attribute(NodePosition position, String path, String message) {
        return at(position, path + ": " + message);
    }
}
