package dev.berth.dockerfile.instruction;

import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;

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
