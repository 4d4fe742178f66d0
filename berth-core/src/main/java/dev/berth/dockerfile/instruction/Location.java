package dev.berth.dockerfile.instruction;

import java.util.Objects;

/**
 * Where an instruction was written: its line range, the column of its keyword and its original text,
 * so later passes can point diagnostics at it without the syntax tree.
 */
public record Location(int startLine, int endLine, int startColumn, String original) {

    public Location {
        if (startLine < 1 || endLine < startLine || startColumn < 1) {
            throw new IllegalArgumentException("invalid location %d-%d:%d".formatted(startLine, endLine, startColumn));
        }
        Objects.requireNonNull(original, "original");
    }
}
