package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import java.util.Optional;

/**
 * The fix for an expansion error, where it is obvious. The messages are BuildKit's, except that an
 * unclosed {@code ${NAME} is reported as a missing brace where BuildKit prints an unsupported modifier
 * U+FFFD (Go's end-of-input rune).
 */
final class ExpansionHints {

    private ExpansionHints() {
    }

    static Diagnostic withHint(Diagnostic diagnostic, String message) {
        return hint(message).map(diagnostic::withHint).orElse(diagnostic);
    }

    private static Optional<String> hint(String message) {
        if (message.contains("missing '}'")) {
            return Optional.of("close the ${ with }");
        }
        if (message.contains("bad substitution")) {
            return Optional.of("write ${NAME} with a variable name; escape a literal $ as \\$");
        }
        if (message.endsWith("is not allowed to be unset") || message.endsWith("is not allowed to be empty")) {
            return Optional.of("declare it with ARG and a default, or pass --build-arg");
        }
        if (message.startsWith("unsupported modifier")) {
            return Optional.of("the modifiers are :- - :+ + :? ? # ## % %% / //");
        }
        return Optional.empty();
    }
}
