package dev.berth.diagnostic;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about user input: where it is, what is wrong, and, where the fix is obvious, a hint.
 *
 * @param file the {@link SourceFile#name()} the range refers to
 * @param message the cause, without position (the renderer adds it)
 * @param hint a suggested fix, or empty
 */
public record Diagnostic(Severity severity, String file, SourceRange range, String message, Optional<String> hint) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static Diagnostic error(String file, SourceRange range, String message) {
        return new Diagnostic(Severity.ERROR, file, range, message, Optional.empty());
    }

    public static Diagnostic warning(String file, SourceRange range, String message) {
        return new Diagnostic(Severity.WARNING, file, range, message, Optional.empty());
    }

    public Diagnostic withHint(String text) {
        return new Diagnostic(severity, file, range, message, Optional.of(text));
    }

    public int line() {
        return range.startLine();
    }

    /** {@code FILE:LINE: message}, the one-line form tools and tests match on. */
    public String headline() {
        return file + ":" + range.startLine() + ": " + message;
    }
}
