package dev.berth.api;

import dev.berth.error.StoreException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The directory of {@link UpToDateRecord}s, one file per slot, written whole to a temporary file and renamed into
 * place, so a reader sees the old record or the new one. Past {@link #KEPT} records the least recently written
 * go; temporary files a killed writer left go after {@link #TEMP_GRACE}.
 */
final class UpToDateRecords {

    private static final int KEPT = 256;
    private static final String TEMP_PREFIX = ".tmp-";
    private static final Duration TEMP_GRACE = Duration.ofMinutes(10);

    private final Path directory;

    UpToDateRecords(Path directory) {
        this.directory = directory;
    }

    /** The record named {@code name}; empty when there is none or it cannot be read (torn, another format). */
    Optional<UpToDateRecord> read(String name) {
        try (InputStream stream = Files.newInputStream(directory.resolve(name));
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            return UpToDateRecord.read(in);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Replaces the record named {@code name}; a record that cannot be written only costs a rebuild its shortcut. */
    void write(String name, UpToDateRecord record) {
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve(TEMP_PREFIX + UUID.randomUUID());
            try (OutputStream file = Files.newOutputStream(temp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
                record.write(out);
            }
            Files.move(temp, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dropOldest();
        } catch (IOException | UncheckedIOException unwritable) {
            // The next identical build takes the long way.
        }
    }

    /** Drops every record, as {@code berth builder prune} empties the cache the records stand for. */
    void forget() {
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path record : listing.toList()) {
                Files.deleteIfExists(record);
            }
        } catch (NoSuchFileException absent) {
            // Nothing was recorded.
        } catch (IOException e) {
            throw new StoreException("removing the up-to-date records in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void dropOldest() throws IOException {
        List<Path> records;
        try (Stream<Path> listing = Files.list(directory)) {
            records = listing.toList();
        }
        // Against file times, which are the system clock's.
        Instant staleTemp = Instant.now().minus(TEMP_GRACE);
        List<Path> kept = new ArrayList<>();
        for (Path record : records) {
            if (record.getFileName().toString().startsWith(TEMP_PREFIX)) {
                if (Files.getLastModifiedTime(record).toInstant().isBefore(staleTemp)) {
                    Files.deleteIfExists(record);
                }
            } else {
                kept.add(record);
            }
        }
        if (kept.size() <= KEPT) {
            return;
        }
        List<Path> byAge = kept.stream().sorted(Comparator.comparing(UpToDateRecords::writtenAt)).toList();
        for (Path record : byAge.subList(0, kept.size() - KEPT)) {
            Files.deleteIfExists(record);
        }
    }

    private static FileTime writtenAt(Path record) {
        try {
            return Files.getLastModifiedTime(record);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }
}
