package dev.berth.dockerfile.instruction;

import dev.berth.diagnostic.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps an index in an instruction's joined text ({@link Location#original()}: continuation lines joined,
 * escapes at line ends, comment and blank lines inside removed) back to the physical line and column it
 * was read from. Built by replaying the join over the source lines; when the replay does not give the
 * joined text back (the escape rules allow forms it does not model), there is no map.
 */
final class PhysicalPositions {

    /** One physical line's contribution: joined text from {@code joinedStart} came from {@code line} at {@code column}. */
    private record Segment(int joinedStart, int line, int column) {
    }

    private final List<Segment> segments;

    private PhysicalPositions(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    static Optional<PhysicalPositions> of(SourceFile source, Location location) {
        String joined = location.original();
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (int line = location.startLine(); line <= location.endLine(); line++) {
            String text = source.line(line);
            int column = 1;
            if (line == location.startLine()) {
                if (location.startColumn() - 1 > text.length()) {
                    return Optional.empty();
                }
                column = location.startColumn();
                text = text.substring(column - 1);
            } else if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            if (joined.startsWith(text, at) && at + text.length() == joined.length()) {
                segments.add(new Segment(at, line, column));
                return Optional.of(new PhysicalPositions(segments));
            }
            String trimmed = text.stripTrailing();
            if (trimmed.isEmpty() || (!trimmed.endsWith("\\") && !trimmed.endsWith("`"))) {
                return Optional.empty();
            }
            String kept = trimmed.substring(0, trimmed.length() - 1);
            if (!joined.startsWith(kept, at)) {
                return Optional.empty();
            }
            segments.add(new Segment(at, line, column));
            at += kept.length();
            if (at == joined.length()) {
                return Optional.of(new PhysicalPositions(segments));
            }
        }
        return Optional.empty();
    }

    /** The 1-based line of joined index {@code index}. */
    int line(int index) {
        return segment(index).line();
    }

    /** The 1-based column of joined index {@code index} on its {@link #line(int)}. */
    int column(int index) {
        Segment segment = segment(index);
        return segment.column() + index - segment.joinedStart();
    }

    private Segment segment(int index) {
        Segment found = segments.getFirst();
        for (Segment segment : segments) {
            if (segment.joinedStart() > index) {
                break;
            }
            found = segment;
        }
        return found;
    }
}
