package dev.berth.dockerfile.instruction;

import java.util.Optional;

/**
 * Internal signal of the instruction parsers: {@code word} (as written in the node) is wrong for
 * {@code reason}. {@link InstructionParser} turns it into a positioned diagnostic.
 */
final class RejectedWord extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String word;
    private final transient Optional<String> hint;

    RejectedWord(String word, String reason) {
        this(word, reason, Optional.empty());
    }

    RejectedWord(String word, String reason, Optional<String> hint) {
        super(reason, null, false, false);
        this.word = word;
        this.hint = hint;
    }

    String word() {
        return word;
    }

    Optional<String> hint() {
        return hint;
    }
}
