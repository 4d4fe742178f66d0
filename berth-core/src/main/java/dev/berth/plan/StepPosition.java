package dev.berth.plan;

import java.util.Objects;

/**
 * Where a step was written: its lines, the column of its keyword and its text as written (continuation lines
 * joined), so a refusal can point at one word of it and a failure at its line. Not part of the step's cache key:
 * moving a line does not change what it builds.
 */
public record StepPosition(int startLine, int endLine, int startColumn, String original) {

    public StepPosition {
        if (startLine < 1 || endLine < startLine || startColumn < 1) {
            throw new IllegalArgumentException("invalid position %d-%d:%d".formatted(startLine, endLine, startColumn));
        }
        Objects.requireNonNull(original, "original");
    }

    /** Whether {@code line} is one of the step's lines. */
    public boolean covers(int line) {
        return line >= startLine && line <= endLine;
    }
}
