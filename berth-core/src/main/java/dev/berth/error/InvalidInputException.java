package dev.berth.error;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * User input is wrong. Carries every {@link Diagnostic} found (at least one) and, when known, the
 * source they point into, so the renderer can show the line and a caret.
 */
public final class InvalidInputException extends BerthException {

    private final List<Diagnostic> diagnostics;
    private final SourceFile source;

    public InvalidInputException(List<Diagnostic> diagnostics, SourceFile source) {
        super(headlines(diagnostics), null);
        this.diagnostics = List.copyOf(diagnostics);
        this.source = source;
    }

    public InvalidInputException(Diagnostic diagnostic, SourceFile source) {
        this(List.of(diagnostic), source);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public Optional<SourceFile> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public int exitCode() {
        return 1;
    }

    private static String headlines(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one diagnostic");
        }
        return String.join("\n", diagnostics.stream().map(Diagnostic::headline).toList());
    }
}
