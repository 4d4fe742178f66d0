package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON log files a runtime command writes its errors to, in the runtime's state root:
 * {@code .log-<pid>-<random>.json}, named after the process that runs the command so that what a killed process
 * left can be told from a live one's. Each call deletes its own; {@link #sweep} removes those of processes that
 * are gone, which only a kill leaves.
 */
final class RuntimeLogFiles {

    private static final Pattern OWNED = Pattern.compile("\\.log-(\\d{1,18})-\\d+\\.json");
    /** Named before logs carried their owner's pid: whose they are is unknown, so only age tells. */
    private static final Pattern UNOWNED = Pattern.compile("\\.log-\\d+\\.json");
    private static final Duration UNOWNED_GRACE = Duration.ofHours(1);

    private RuntimeLogFiles() {
    }

    /** A new, empty log file for one command of this process. */
    static Path create(Path stateRoot) throws IOException {
        return Files.createTempFile(stateRoot, ".log-" + ProcessHandle.current().pid() + "-", ".json");
    }

    /**
     * Deletes the log files of processes that are gone (and unowned ones over an hour old); returns them. Other
     * processes sweep the same directory at once: a file gone meanwhile was deleted by one of them, not an error,
     * and nothing here fails the caller, since a leftover log only takes a few bytes.
     */
    static List<Path> sweep(Path stateRoot) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stateRoot, ".log-*.json")) {
            for (Path entry : entries) {
                try {
                    if (isAbandoned(entry) && Files.deleteIfExists(entry)) {
                        removed.add(entry);
                    }
                } catch (IOException leftForTheNextSweep) {
                    // Unreadable or undeletable now; harmless until a later sweep manages.
                }
            }
        } catch (IOException | RuntimeException unlisted) {
            // No state root yet, or one that cannot be listed: nothing to sweep that a command could trip on.
        }
        return List.copyOf(removed);
    }

    private static boolean isAbandoned(Path file) throws IOException {
        String name = file.getFileName().toString();
        Matcher owned = OWNED.matcher(name);
        if (owned.matches()) {
            return ProcessHandle.of(Long.parseLong(owned.group(1))).filter(ProcessHandle::isAlive).isEmpty();
        }
        if (!UNOWNED.matcher(name).matches()) {
            return false;
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(UNOWNED_GRACE).isBefore(Instant.now());
        } catch (NoSuchFileException goneMeanwhile) {
            return false;
        }
    }
}
