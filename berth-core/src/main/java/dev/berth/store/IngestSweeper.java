package dev.berth.store;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes from {@code ingest/} what killed writers left: files named for a process that no longer
 * runs, and files whose names are not Berth's once they are older than a grace period. A file whose
 * writer still runs is never touched, however old, so a slow live ingest is never swept.
 */
final class IngestSweeper {

    private final Clock clock;
    private final Duration grace;

    IngestSweeper(Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
    }

    /** Sweeps and returns the files removed. */
    List<Path> sweep(Path ingest) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest)) {
            for (Path file : files) {
                if (isAbandoned(file) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        } catch (NoSuchFileException nothingYet) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("sweeping unfinished writes in " + ingest + ": " + FailureReason.of(e), e);
        }
        return List.copyOf(removed);
    }

    private boolean isAbandoned(Path file) throws IOException {
        Optional<TempFileOwner> owner = TempFileOwner.of(file);
        if (owner.isPresent()) {
            return !owner.get().isAlive();
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return modified.plus(grace).isBefore(clock.instant());
        } catch (NoSuchFileException goneMeanwhile) {
            return false;
        }
    }
}
