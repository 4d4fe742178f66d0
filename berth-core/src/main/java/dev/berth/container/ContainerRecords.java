package dev.berth.container;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.recovery.OwnerRecord;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The detached containers' records under one root (the store's {@code containers/}): one directory per container,
 * {@code ID/container.json}. The root also holds RUN steps' and foreground {@code berth run}'s bundles, which have no
 * record and are not listed. A record is written to a temporary file, synced and renamed into place; names are
 * given out under a lock file ({@code .names.lock}), so two processes never give one name twice.
 */
public final class ContainerRecords {

    /** One lock per lock file in this process: a file's POSIX locks belong to the whole process. */
    private static final Map<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    public ContainerRecords(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public ContainerDirectory directory(String id) {
        return ContainerDirectory.of(root, id);
    }

    /**
     * Writes the record {@code make} builds for the name: the one asked for, checked and free, or a generated one.
     *
     * @throws ConflictException with Docker's text when the name is taken
     */
    public ContainerRecord create(Optional<String> requestedName, Function<String, ContainerRecord> make) {
        Optional<String> requested = requestedName.map(ContainerNames::checked);
        try (StoreLock.Held _ = lock().exclusive()) {
            List<ContainerRecord> existing = all();
            Predicate<String> taken = name -> existing.stream().anyMatch(r -> r.name().equals(name));
            if (requested.isPresent() && taken.test(requested.get())) {
                ContainerRecord holder = existing.stream().filter(r -> r.name().equals(requested.get())).findFirst().orElseThrow();
                throw new ConflictException(conflict(requested.get(), holder.id()));
            }
            String name = requested.orElseGet(() -> ContainerNames.generate(java.util.concurrent.ThreadLocalRandom.current(), taken));
            ContainerRecord record = make.apply(name);
            write(record);
            return record;
        }
    }

    /**
     * {@code rename}: gives the container {@code newName}, under the lock names are given out under.
     *
     * @throws ExecutionException with Docker's text for an empty, invalid or unchanged name
     * @throws ConflictException with Docker's text when another container has the name
     */
    public ContainerRecord rename(String reference, String newName) {
        if (reference.isEmpty() || newName.isEmpty()) {
            throw new ExecutionException("Neither old nor new names may be empty");
        }
        String name = ContainerNames.checked(newName);
        try (StoreLock.Held _ = lock().exclusive()) {
            ContainerRecord record = find(reference);
            if (record.name().equals(name)) {
                throw new ExecutionException("Renaming a container with the same name as its current name");
            }
            for (ContainerRecord other : all()) {
                if (other.name().equals(name)) {
                    throw new ConflictException(conflict(name, other.id()));
                }
            }
            ContainerRecord renamed = record.withName(name);
            write(renamed);
            return renamed;
        }
    }

    private static String conflict(String name, String holder) {
        return ("Conflict. The container name \"/%s\" is already in use by container \"%s\". "
                + "You have to remove (or rename) that container to be able to reuse that name.").formatted(name, holder);
    }

    /** Replaces the record (or writes it first): temporary file, synced, renamed into place. */
    public void write(ContainerRecord record) {
        ContainerDirectory directory = directory(record.id());
        Path file = directory.record();
        Path temp = file.resolveSibling(".container.json." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(directory.path());
            Files.write(temp, ContainerRecordJson.write(record));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("writing the record of container " + record.id() + " to " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every record, oldest first; directories without a readable record (bundles of RUN steps) are skipped. */
    public List<ContainerRecord> all() {
        List<ContainerRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                read(entry.resolve("container.json")).filter(record -> !abandoned(entry)).ifPresent(records::add);
            }
        } catch (NoSuchFileException nothingYet) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("listing containers in " + root + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparing(ContainerRecord::created).thenComparing(ContainerRecord::id));
        return List.copyOf(records);
    }

    /**
     * Whether the directory is a {@code run -d} killed before it handed its sandbox over to the record: its owner
     * record is still there and names a process that is gone. Such a container never ran and its root may never have
     * been mounted; it is not listed, its name is free, and the next sweep removes it.
     */
    private static boolean abandoned(Path directory) {
        return OwnerRecord.claimOn(directory) == OwnerRecord.Claim.GONE;
    }

    /**
     * The container named by its full ID, its name (with or without a leading {@code /}), or a unique ID prefix, in
     * Docker's order.
     *
     * @throws NotFoundException {@code No such container: X}, also for an ambiguous prefix
     */
    public ContainerRecord find(String reference) {
        List<ContainerRecord> records = all();
        String name = reference.startsWith("/") ? reference.substring(1) : reference;
        Optional<ContainerRecord> exact = records.stream().filter(r -> r.id().equals(reference)).findFirst()
                .or(() -> records.stream().filter(r -> r.name().equals(name)).findFirst());
        if (exact.isPresent()) {
            return exact.get();
        }
        List<ContainerRecord> prefixed = reference.isEmpty() ? List.of()
                : records.stream().filter(r -> r.id().startsWith(reference)).toList();
        if (prefixed.size() == 1) {
            return prefixed.getFirst();
        }
        if (prefixed.size() > 1) {
            throw new NotFoundException("Multiple IDs found with provided prefix: " + reference);
        }
        throw new NotFoundException("No such container: " + reference);
    }

    /** Deletes the record: from then on the container is not listed and its name is free. */
    public void delete(ContainerRecord record) {
        try (StoreLock.Held _ = lock().exclusive()) {
            Files.deleteIfExists(directory(record.id()).record());
        } catch (IOException e) {
            throw new StoreException("removing the record of container " + record.id() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<ContainerRecord> read(Path file) {
        try {
            return Optional.of(ContainerRecordJson.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException notAContainer) {
            return Optional.empty();
        } catch (IOException unreadable) {
            // A record half-removed or from a newer Berth: not a container this Berth can drive.
            return Optional.empty();
        }
    }

    private StoreLock lock() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreException("making the containers directory " + root + ": " + e.getMessage(), e);
        }
        return LOCKS.computeIfAbsent(root.resolve(".names.lock"), StoreLock::new);
    }
}
