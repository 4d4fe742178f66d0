package dev.berth.dockerfile.shellcheck;

import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.Location;
import java.util.List;
import java.util.Objects;

/**
 * One RUN as its shell sees it: the script, its dialect, and where each of its lines was written in the Dockerfile.
 *
 * @param run    the RUN instruction
 * @param script the text the shell runs, lines ending in {@code \n}
 * @param lines  for each line of {@code script} (index 0 is line 1), where it starts in the Dockerfile; a line
 *               joined from continuation lines maps its columns through them itself ({@link LineOrigin.Joined})
 * @param variables the ARG and ENV names declared before the RUN that ShellCheck would think unassigned (those with a
 *               lower-case letter: it takes upper-case names for the environment's), which the RUN's environment has
 */
public record RunScript(Location run, ShellDialect dialect, String script, List<LineOrigin> lines,
        List<String> variables) {

    public RunScript {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(script, "script");
        lines = List.copyOf(lines);
        variables = List.copyOf(variables);
        if (lines.size() != script.lines().count()) {
            throw new IllegalArgumentException("a script of " + script.lines().count() + " lines with "
                    + lines.size() + " origins");
        }
    }

    /** Where a script line came from. */
    public sealed interface LineOrigin {

        /** A line copied from the Dockerfile as is: here-document bodies and terminators. */
        record Copied(int line) implements LineOrigin {
        }

        /** The RUN's command, joined from its continuation lines; {@code offset} is where it starts in the joined text. */
        record Joined(int offset) implements LineOrigin {
        }
    }

    /**
     * The Dockerfile range of the script's {@code line} from {@code column} to {@code endColumn} (ShellCheck's
     * 1-based positions, tabs counted as one); {@code joined} maps a joined command line, else it is empty.
     */
    SourceRange range(int line, int column, int endLine, int endColumn,
            java.util.function.BiFunction<Integer, Integer, java.util.Optional<SourceRange>> joined) {
        int index = Math.max(0, Math.min(line, lines.size()) - 1);
        return switch (lines.get(index)) {
            case LineOrigin.Copied(int copied) -> SourceRange.columns(copied, Math.max(1, column),
                    endLine == line ? Math.max(column, endColumn) : column + 1);
            case LineOrigin.Joined(int offset) -> {
                int from = offset + Math.max(1, column) - 1;
                int to = endLine == line ? offset + Math.max(column, endColumn) - 1 : from + 1;
                yield joined.apply(from, Math.max(from + 1, to))
                        .orElse(SourceRange.columns(run.startLine(), run.startColumn(), run.startColumn() + 3));
            }
        };
    }
}
