package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.golang.GoStrconv;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses Dockerfile text into a {@link SyntaxTree}, following BuildKit's parser: parser directives at the
 * top, comments and blank lines skipped, lines joined at the escape character (skipping comment and
 * blank lines inside), here-documents read after RUN, COPY and ADD, and arguments split per keyword.
 * No meaning is given to anything: unknown keywords stay in the tree.
 *
 * <p>Total: any text gives a tree or an {@link dev.berth.error.InvalidInputException} with the line and
 * column of the first error, in time linear in the input and with no recursion on its size. A line longer
 * than 65,535 UTF-8 bytes is an error, as it is for BuildKit. Instances hold no state; one may be shared.
 */
public final class DockerfileParser {

    private static final String BOM = "\uFEFF";

    /** Parses {@code source}; throws {@link dev.berth.error.InvalidInputException} at the first syntax error. */
    public SyntaxTree parse(SourceFile source) {
        Objects.requireNonNull(source, "source");
        return read(source, Optional.empty()).tree().orElseThrow();
    }

    /**
     * Parses as far as it can, for a checker that reports everything: an instruction with a syntax error
     * is left out and reading goes on after it, so every such error is collected. Never throws for bad
     * input; the first error is the one {@link #parse} throws.
     */
    public RecoveredTree parseAll(SourceFile source) {
        Objects.requireNonNull(source, "source");
        List<Diagnostic> errors = new ArrayList<>();
        return read(source, Optional.of(errors));
    }

    /** With no error sink, the first syntax error is thrown; with one, it is collected and reading goes on. */
    private static RecoveredTree read(SourceFile source, Optional<List<Diagnostic>> errors) {
        LineCursor lines = new LineCursor(source);
        DirectiveReader directives = new DirectiveReader(source);
        List<Node> nodes = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        boolean more = true;
        while (more) {
            try {
                more = lines.advance();
                if (more) {
                    instruction(source, lines, directives, warnings).ifPresent(nodes::add);
                }
            } catch (InvalidInputException invalid) {
                // Every error consumes at least the line it is on (the cursor moves before it throws), so this ends.
                errors.orElseThrow(() -> invalid).addAll(invalid.diagnostics());
            }
        }
        List<Diagnostic> found = errors.orElse(List.of());
        if (nodes.isEmpty() && found.isEmpty()) {
            InvalidInputException empty = SyntaxError.at(source, Math.max(1, lines.number()), 1, 1,
                    "file with no instructions", "a Dockerfile needs at least one instruction, usually FROM");
            errors.orElseThrow(() -> empty).addAll(empty.diagnostics());
        }
        Optional<SyntaxTree> tree = nodes.isEmpty() ? Optional.empty()
                : Optional.of(new SyntaxTree(source, directives.escapeToken(), directives.directives(), nodes, warnings));
        return new RecoveredTree(tree, found);
    }

    /** Reads the instruction starting on the cursor's line, if the line starts one. */
    private static Optional<Node> instruction(SourceFile source, LineCursor lines, DirectiveReader directives,
                                              List<Diagnostic> warnings) {
        String content = lines.content();
        int lead = 0;
        if (lines.number() == 1 && content.startsWith(BOM)) {
            content = content.substring(BOM.length());
            lead = BOM.length();
        }
        String stripped = GoStrings.trimLeftSpace(content);
        int column = 1 + lead + content.length() - stripped.length();
        directives.offer(stripped, lines.number(), column);
        int startLine = lines.number();
        Continuation first = Continuation.of(stripped.startsWith("#") ? "" : stripped, directives.escapeToken());
        if (!first.continues() && first.text().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(first.text());
        boolean emptyContinuationLine = false;
        boolean continues = first.continues();
        while (continues && lines.advance()) {
            String next = lines.content();
            String nextStripped = GoStrings.trimLeftSpace(next);
            if (nextStripped.startsWith("#")) {
                continue;
            }
            if (nextStripped.isEmpty()) {
                emptyContinuationLine = true;
                continue;
            }
            Continuation part = Continuation.of(next, directives.escapeToken());
            line.append(part.text());
            continues = part.continues();
        }
        String text = line.toString();
        if (emptyContinuationLine) {
            warnings.add(Diagnostic.warning(source.name(), SourceRange.line(lines.number()),
                    "empty continuation line found in: " + InstructionReader.abbreviate(text)
                            + " (empty continuation lines will become errors in a future release)"));
        }
        InstructionReader reader = new InstructionReader(source, directives.escapeToken(), text, startLine, column);
        List<Heredoc> heredocs = reader.takesHeredocs() && text.contains("<<")
                ? readHeredocs(source, lines, HeredocFinder.find(text), startLine, reader.column())
                : List.of();
        return Optional.of(reader.node(heredocs, lines.number()));
    }

    /** Reads each here-document's lines up to its delimiter line, with their line endings, as written. */
    private static List<Heredoc> readHeredocs(SourceFile source, LineCursor lines, List<Heredoc> markers,
                                              int startLine, int column) {
        List<Heredoc> heredocs = new ArrayList<>(markers.size());
        for (Heredoc marker : markers) {
            StringBuilder content = new StringBuilder();
            boolean terminated = false;
            while (lines.advance()) {
                String candidate = lines.content();
                if (marker.chomp()) {
                    candidate = candidate.replaceFirst("^\\t+", "");
                }
                if (candidate.equals(marker.name())) {
                    terminated = true;
                    break;
                }
                content.append(lines.raw());
            }
            if (!terminated) {
                throw SyntaxError.at(source, startLine, column, column + 1,
                        "unterminated heredoc " + GoStrconv.quote(InstructionReader.abbreviate(marker.name())),
                        "end the here-document with a line holding only its delimiter");
            }
            heredocs.add(marker.withContent(content.toString()));
        }
        return heredocs;
    }

    /** A line with BuildKit's continuation rule applied: a final escape not itself escaped joins the next line. */
    private record Continuation(String text, boolean continues) {

        static Continuation of(String line, char escape) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end == 0 || line.charAt(end - 1) != escape) {
                return new Continuation(line, false);
            }
            if (end == 1) {
                return new Continuation("", true);
            }
            if (line.charAt(end - 2) == escape) {
                return new Continuation(line, false);
            }
            return new Continuation(line.substring(0, end - 1), true);
        }
    }
}
