package dev.berth.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One file, directory or link a build of a context would see after its ignore file ({@code berth context ls});
 * symbolic links are described, never followed.
 *
 * @param path        relative to the context root, {@code /}-separated
 * @param permissions permission, set-id and sticky bits: the mode without its type
 */
public record ContextFile(String path, Kind kind, long size, int permissions, Instant modified) {

    public ContextFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modified, "modified");
        if (path.isEmpty() || size < 0 || permissions < 0 || permissions > 07777) {
            throw new IllegalArgumentException("not a context file: \"" + path + "\" " + size + " " + permissions);
        }
    }

    /** What the entry is. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK,
        /** A device, FIFO or socket: listed so a user sees it, but never copied into an image. */
        OTHER
    }
}
