package dev.berth.network;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.util.Objects;

/**
 * A value given for a network flag that Docker's grammar refuses: a {@code -p} spec, a network name, a subnet or a
 * gateway. The message is Docker's where it has one ({@code invalid containerPort: foo}); the text is kept so the
 * caller can point at the argument with {@link #toInvalidInput}.
 */
public final class NetworkArgumentException extends IllegalArgumentException {

    private final String text;

    public NetworkArgumentException(String text, String message) {
        super(message);
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The value as the user wrote it. */
    public String text() {
        return text;
    }

    /**
     * This error as user input given on the command line: the value is shown as the source, under {@code flag}
     * ({@code --publish}), with the caret under it.
     */
    public InvalidInputException toInvalidFlag(String flag) {
        return new InvalidInputException(Diagnostic.error(flag, SourceRange.columns(1, 1, 1 + Math.max(1, text.length())),
                getMessage()), new dev.berth.diagnostic.SourceFile(flag, text));
    }

    /** This error as user input at {@code line}, columns {@code column} onwards of {@code file} ({@code -} for a flag). */
    public InvalidInputException toInvalidInput(String file, int line, int column) {
        return new InvalidInputException(Diagnostic.error(file,
                SourceRange.columns(line, column, column + text.length()), getMessage()), null);
    }
}
