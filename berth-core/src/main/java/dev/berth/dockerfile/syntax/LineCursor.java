package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.SourceFile;
import dev.berth.golang.GoStrings;

/**
 * Walks a text line by line as Go's {@code bufio.Scanner} does for BuildKit: lines end at {@code \n}
 * only, and a line longer than the scanner's buffer is an error rather than a slow path.
 */
final class LineCursor {

    /** BuildKit reads with {@code bufio.MaxScanTokenSize}; a line must fit it with its newline. */
    static final int MAX_LINE_BYTES = 64 * 1024 - 1;

    private final SourceFile source;
    private final String text;
    private int next;
    private int start;
    private int end;
    private int number;

    LineCursor(SourceFile source) {
        this.source = source;
        this.text = source.text();
    }

    /** Moves to the next line; false at the end of the text. */
    boolean advance() {
        if (next >= text.length()) {
            return false;
        }
        start = next;
        int newline = text.indexOf('\n', start);
        end = newline < 0 ? text.length() : newline + 1;
        next = end;
        number++;
        int contentEnd = newline < 0 ? text.length() : newline;
        if (contentEnd - start > MAX_LINE_BYTES / 3
                && GoStrings.utf8Length(text, start, contentEnd) > MAX_LINE_BYTES) {
            throw SyntaxError.at(source, number, 1, 2,
                    "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES);
        }
        return true;
    }

    /** The current line's 1-based number. */
    int number() {
        return number;
    }

    /** The current line with its ending, as BuildKit keeps it in here-documents. */
    String raw() {
        return text.substring(start, end);
    }

    /** The current line without trailing {@code \r} and {@code \n} characters (Go's {@code TrimRight "\r\n"}). */
    String content() {
        int stop = end;
        while (stop > start && (text.charAt(stop - 1) == '\n' || text.charAt(stop - 1) == '\r')) {
            stop--;
        }
        return text.substring(start, stop);
    }
}
