package dev.berth.dockerfile.ignore;

import dev.berth.diagnostic.SourceFile;
import java.util.List;
import java.util.Objects;

/** An ignore file's text and the patterns read from it, in file order. */
public record IgnoreFile(SourceFile source, List<IgnorePattern> patterns) {

    public IgnoreFile {
        Objects.requireNonNull(source, "source");
        patterns = List.copyOf(patterns);
    }

    /** No file at all: nothing is excluded. */
    public static IgnoreFile none() {
        return new IgnoreFile(new SourceFile(".dockerignore", ""), List.of());
    }
}
