package dev.berth.diagnostic;

/**
 * A span of a {@link SourceFile}: 1-based lines and columns, the end column exclusive.
 * A range of one position ({@code startColumn == endColumn}) points at a place rather than a span.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {

    public SourceRange {
        if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException(
                    "invalid range %d:%d-%d:%d".formatted(startLine, startColumn, endLine, endColumn));
        }
    }

    /** The whole of line {@code line} when its length is not known: column 1 only. */
    public static SourceRange line(int line) {
        return new SourceRange(line, 1, line, 1);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of one line. */
    public static SourceRange columns(int line, int from, int to) {
        return new SourceRange(line, from, line, Math.max(from, to));
    }

    /** Lines {@code first} to {@code last}, both whole. */
    public static SourceRange lines(int first, int last) {
        return new SourceRange(first, 1, Math.max(first, last), 1);
    }
}
