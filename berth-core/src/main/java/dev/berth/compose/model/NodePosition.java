package dev.berth.compose.model;

import java.util.Objects;

/**
 * Where a value of a Compose file was written: the file as the user named it (or as an include reached it),
 * and a 1-based line and column. Kept on every node so an error found after merging still names its source.
 */
public record NodePosition(String file, int line, int column) {

    public NodePosition {
        Objects.requireNonNull(file, "file");
    }

    /** A value Berth made (a default, a long form of a short one) rather than read: it points at its origin. */
    public static NodePosition synthetic(String file) {
        return new NodePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
