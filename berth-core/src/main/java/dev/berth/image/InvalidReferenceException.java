package dev.berth.image;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * An image reference that Docker's grammar refuses. The message is Docker's
 * ({@code invalid reference format: repository name must be lowercase}); the text is kept so a caller
 * can point at it with {@link #toInvalidInput}.
 */
public final class InvalidReferenceException extends IllegalArgumentException {

    private final String text;
    private final transient Optional<String> hint;

    InvalidReferenceException(String text, String message, Optional<String> hint) {
        super(message);
        this.text = Objects.requireNonNull(text, "text");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The reference as the user wrote it. */
    public String text() {
        return text;
    }

    /** A suggested fix, when it is obvious (lower-casing the name). */
    public Optional<String> hint() {
        return hint;
    }

    /**
     * This error as user input at {@code line}, columns {@code column} onwards of {@code file}, e.g. the
     * image of a {@code FROM} line or {@code -} for a command-line argument.
     */
    public InvalidInputException toInvalidInput(String file, int line, int column) {
        Diagnostic diagnostic = Diagnostic.error(file, SourceRange.columns(line, column, column + text.length()),
                getMessage() + ": \"" + text + "\"");
        return new InvalidInputException(hint.map(diagnostic::withHint).orElse(diagnostic), null);
    }
}
