package dev.berth.container;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What Docker's daemon does at boot, done by the first {@code start}, {@code run} or {@code compose up} after it:
 * the containers whose restart policy says so are started again ({@link #dueAfterTheBoot}). "First after the boot"
 * is a marker per store in the runtime state directory, which lives on {@code /run} (tmpfs): a reboot empties it,
 * so later commands pay one file lookup. Only containers started before the boot are looked at.
 *
 * @param records  the store's container records
 * @param marker   the marker file, under the runtime state directory
 * @param procStat {@code /proc/stat}, whose {@code btime} line is when the host booted
 */
public record BootRestarts(ContainerRecords records, Path marker, Path procStat) {

    public BootRestarts {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(procStat, "procStat");
    }

    /** The marker of the store at {@code records}' root, under {@code runtimeState}. */
    public static BootRestarts of(ContainerRecords records, Path runtimeState) {
        String store = Digest.sha256(records.root().toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
        return new BootRestarts(records, runtimeState.resolve("boot-restarts").resolve(store), Path.of("/proc/stat"));
    }

    /**
     * Starts, with {@code start} (given the container's id), every container due since this boot, once per boot and
     * store; returns their names. A start that fails is reported by {@code failed} and not tried again.
     */
    public List<String> startDue(Consumer<String> start, Consumer<RuntimeException> failed) {
        if (Files.exists(marker) || !hasRecords()) {
            return List.of();
        }
        try {
            Files.createDirectories(marker.getParent());
        } catch (IOException notHere) {
            // No runtime state directory this user may write (not root): no container of this store can run here.
            return List.of();
        }
        List<String> started = new ArrayList<>();
        StoreLock lock;
        try {
            lock = new StoreLock(marker.resolveSibling(marker.getFileName() + ".lock"));
        } catch (RuntimeException notOurs) {
            // Root made the directory and this user may not write in it: no container of this store runs here.
            return List.of();
        }
        try (lock; StoreLock.Held _ = lock.exclusive()) {
            if (Files.exists(marker)) {
                return List.of();
            }
            Instant boot = bootTime();
            for (ContainerRecord record : records.all()) {
                if (dueAfterTheBoot(record, records.directory(record.id()), boot)) {
                    try {
                        start.accept(record.id());
                        started.add(record.name());
                    } catch (RuntimeException e) {
                        failed.accept(e);
                    }
                }
            }
            Files.writeString(marker, boot + "\n");
        } catch (IOException e) {
            throw new StoreException("writing " + marker + ": " + e.getMessage(), e);
        }
        return List.copyOf(started);
    }

    private boolean hasRecords() {
        try (var entries = Files.list(records.root())) {
            return entries.findAny().isPresent();
        } catch (IOException none) {
            return false;
        }
    }

    /**
     * Docker's daemon at boot: {@code always} starts any container that was started before, even one the user
     * stopped (what sets it apart from {@code unless-stopped}); {@code unless-stopped} one the user did not stop;
     * {@code on-failure} one whose end nobody saw (the host went down), within its count.
     */
    private static boolean dueAfterTheBoot(ContainerRecord record, ContainerDirectory directory, Instant boot) {
        if (!record.restart().restarts() || record.started().filter(started -> started.isBefore(boot)).isEmpty()
                || !(ContainerPhases.read(record, directory) instanceof ContainerPhase.Exited exited)) {
            return false;
        }
        return switch (record.restart().name()) {
            case "always" -> true;
            case "unless-stopped" -> !record.stopRequested();
            default -> ContainerPhases.exitFile(directory).isEmpty() && exited.exitCode() == ContainerPhases.UNKNOWN_EXIT
                    && record.restart().shouldRestart(exited.exitCode(), record.restartCount(), record.stopRequested());
        };
    }

    /** {@code btime} of {@code /proc/stat}: seconds since the epoch when the host booted. */
    private Instant bootTime() throws IOException {
        for (String line : Files.readAllLines(procStat)) {
            if (line.startsWith("btime ")) {
                return Instant.ofEpochSecond(Long.parseLong(line.substring(6).strip()));
            }
        }
        throw new IOException(procStat + " has no btime line");
    }
}
