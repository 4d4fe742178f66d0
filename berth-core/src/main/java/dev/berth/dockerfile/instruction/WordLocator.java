package dev.berth.dockerfile.instruction;

import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import java.util.Optional;

/**
 * Finds where a word of an instruction was written, so a diagnostic can point at the bad word rather
 * than at the whole line. Words are searched after the keyword, on the instruction's lines in order.
 */
public final class WordLocator {

    private final SourceFile source;

    public WordLocator(SourceFile source) {
        this.source = source;
    }

    /**
     * The range of the first {@code word} after the keyword standing as a whole word (between
     * whitespace), else of its first occurrence inside a word, else of the keyword.
     */
    public SourceRange range(Location location, String word) {
        if (word.isEmpty()) {
            return keywordRange(location);
        }
        SourceRange inside = null;
        int keywordLength = keyword(location).length();
        for (int line = location.startLine(); line <= location.endLine(); line++) {
            String text = source.line(line);
            int at = line == location.startLine()
                    ? Math.min(text.length(), location.startColumn() - 1 + keywordLength) : 0;
            while ((at = text.indexOf(word, at)) >= 0) {
                SourceRange found = SourceRange.columns(line, at + 1, at + 1 + word.length());
                int end = at + word.length();
                if ((at == 0 || Character.isWhitespace(text.charAt(at - 1)))
                        && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
                    return found;
                }
                inside = inside == null ? found : inside;
                at++;
            }
        }
        return inside == null ? keywordRange(location) : inside;
    }

    /**
     * The position {@code offset} characters into the first {@code word} written in the instruction,
     * mapped back through continuation lines to the physical line, spanning to the word's end when that
     * is on the same line. Empty when the word is not in the instruction's text as written (JSON escapes)
     * or the continuation lines cannot be mapped back.
     */
    public Optional<SourceRange> rangeAt(Location location, String word, int offset) {
        String joined = location.original();
        int keywordLength = keyword(location).length();
        int found = -1;
        for (int at = joined.indexOf(word, keywordLength); at >= 0 && !word.isEmpty();
             at = joined.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean whole = (at == 0 || Character.isWhitespace(joined.charAt(at - 1)))
                    && (end == joined.length() || Character.isWhitespace(joined.charAt(end)));
            found = found < 0 || whole ? at : found;
            if (whole) {
                break;
            }
        }
        if (found < 0 || offset < 0 || offset >= word.length()) {
            return Optional.empty();
        }
        int start = found + offset;
        int last = found + word.length() - 1;
        return PhysicalPositions.of(source, location).map(positions -> {
            int line = positions.line(start);
            int column = positions.column(start);
            int end = positions.line(last) == line ? positions.column(last) + 1 : column + 1;
            return SourceRange.columns(line, column, end);
        });
    }

    /**
     * The physical position of the characters {@code from} (inclusive) to {@code to} (exclusive) of the
     * instruction's joined text ({@link Location#original()}), through its continuation lines: the start's line and
     * column, spanning to the end when that is on the same line. Empty when the indices are outside the text or the
     * continuation lines cannot be mapped back.
     */
    public Optional<SourceRange> joinedRange(Location location, int from, int to) {
        if (from < 0 || from >= location.original().length() || to <= from) {
            return Optional.empty();
        }
        int last = Math.min(to, location.original().length()) - 1;
        return PhysicalPositions.of(source, location).map(positions -> {
            int line = positions.line(from);
            int column = positions.column(from);
            int end = positions.line(last) == line ? positions.column(last) + 1 : column + 1;
            return SourceRange.columns(line, column, end);
        });
    }

    /** The range of the instruction's keyword. */
    public SourceRange keywordRange(Location location) {
        return SourceRange.columns(location.startLine(), location.startColumn(),
                location.startColumn() + Math.max(1, keyword(location).length()));
    }

    /** The keyword as written (case kept). */
    public static String keyword(Location location) {
        String original = location.original().strip();
        int end = 0;
        while (end < original.length() && !Character.isWhitespace(original.charAt(end))) {
            end++;
        }
        return original.substring(0, end);
    }
}
