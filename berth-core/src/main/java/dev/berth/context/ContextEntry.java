package dev.berth.context;

import java.util.Objects;

/**
 * One file, directory or link of a build context as the build sees it; symbolic links are
 * described, never followed.
 *
 * @param path relative to the context root, {@code /}-separated, never empty, {@code .} or {@code ..}
 */
public record ContextEntry(String path, FileKind type, FileStat stat) {

    public ContextEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stat, "stat");
        if (path.isEmpty() || path.startsWith("/") || path.equals("..") || path.startsWith("../")) {
            throw new IllegalArgumentException("not a path inside a context: \"" + path + "\"");
        }
    }

    public long size() {
        return stat.size();
    }

    /** Permission bits, set-id and sticky bits: the mode without its type. */
    public int permissions() {
        return stat.mode() & 07777;
    }
}
