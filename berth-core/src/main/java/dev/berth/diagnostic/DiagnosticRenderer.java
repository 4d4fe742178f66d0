package dev.berth.diagnostic;

/**
 * Prints a {@link Diagnostic} for a person:
 *
 * <pre>
 * Dockerfile:3: unknown instruction "COPPY": did you mean COPY?
 *  --&gt; Dockerfile:3:1
 *   |
 * 3 | COPPY . /app
 *   | ^^^^^
 *   = hint: ...
 * </pre>
 *
 * The first line is the stable {@code FILE:LINE: cause} form; the rest shows the column and the line.
 * Only the first line of a multi-line range is shown, and over-long lines are cut around the caret so a
 * 100 MB line never reaches a terminal.
 */
public final class DiagnosticRenderer {

    private static final int MAX_SHOWN = 160;

    /** Renders with the source line when {@code source} is the diagnostic's file, without it otherwise. */
    public String render(Diagnostic diagnostic, SourceFile source) {
        StringBuilder out = new StringBuilder();
        SourceRange range = diagnostic.range();
        String prefix = diagnostic.severity() == Severity.WARNING ? "warning: " : "";
        out.append(diagnostic.file()).append(':').append(range.startLine()).append(": ")
                .append(prefix).append(diagnostic.message()).append('\n');
        String gutter = " ".repeat(Integer.toString(range.startLine()).length());
        out.append(gutter).append("--> ").append(diagnostic.file()).append(':')
                .append(range.startLine()).append(':').append(range.startColumn()).append('\n');
        if (source != null && source.name().equals(diagnostic.file())
                && range.startLine() <= source.lineCount()) {
            String line = source.line(range.startLine());
            int caretStart = Math.min(range.startColumn() - 1, line.length());
            int caretEnd = range.endLine() == range.startLine()
                    ? Math.min(range.endColumn() - 1, line.length())
                    : line.length();
            int cut = Math.max(0, caretStart - MAX_SHOWN / 2);
            String shown = line.substring(cut, Math.min(line.length(), cut + MAX_SHOWN));
            String lead = cut > 0 ? "..." : "";
            out.append(gutter).append(" |\n");
            out.append(range.startLine()).append(" | ").append(lead).append(printable(shown)).append('\n');
            int width = Math.max(1, Math.min(caretEnd, cut + MAX_SHOWN) - caretStart);
            out.append(gutter).append(" | ").append(" ".repeat(lead.length() + caretStart - cut))
                    .append("^".repeat(width)).append('\n');
        }
        diagnostic.hint().ifPresent(hint -> out.append(gutter).append(" = hint: ").append(hint).append('\n'));
        return out.toString();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp == '\t' || !Character.isISOControl(cp) ? cp : '?'));
        return out.toString();
    }
}
