package dev.berth.recovery;

import dev.berth.error.BerthException;
import dev.berth.error.NotFoundException;
import dev.berth.layer.TreeRemover;
import dev.berth.runtime.CommandLineRuntime;
import dev.berth.snapshot.MountedRoot;
import dev.berth.snapshot.SnapshotInfo;
import dev.berth.snapshot.Snapshotter;
import dev.berth.snapshot.SnapshotterLocation;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what killed processes left in a store: for every owner record in {@code containers/} whose owner is
 * gone, the runtime's container is force-deleted (its processes killed), the root unmounted (lazily, so a busy
 * mount cannot stop it), the active snapshot and the bundle removed; for every record in {@code cache/builds/},
 * the build's work directory. The record goes last, so a sweep that is itself killed is finished by the next.
 * A live owner's things are never touched, and sweeps of one store take turns ({@link LocalStore#sweepGuard}).
 * Half-written blobs and index files are not this class's: {@link LocalStore#open} sweeps {@code ingest/}.
 */
public final class LeftoverSweeper {

    /** Temporary record files: {@code .NAME.owner.PID.tmp}. */
    private static final Pattern TEMP_RECORD = Pattern.compile("\\..+\\" + OwnerRecord.SUFFIX + "\\.(\\d{1,18})\\.tmp");

    private final LocalStore store;

    public LeftoverSweeper(LocalStore store) {
        this.store = store;
    }

    /** Sweeps once; failures are reported, not thrown, and leave their records for the next sweep. */
    public SweepReport sweep() {
        List<SweepReport.Leftover> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<SnapshotterLocation, Snapshotter> snapshotters = new HashMap<>();
        try (StoreLock.Held _ = store.sweepGuard()) {
            for (Path record : records(store.paths().containers(), failures)) {
                sweepOne(record, "container", failures, removed,
                        (id, owner, directory) -> releaseContainer(id, owner, directory, snapshotters));
            }
            for (Path record : records(store.paths().buildWork(), failures)) {
                sweepOne(record, "build", failures, removed, (id, owner, directory) -> releaseWorkDirectory(directory));
            }
        }
        return new SweepReport(removed, failures);
    }

    @FunctionalInterface
    private interface Release {
        List<String> release(String id, OwnerRecord record, Path directory) throws IOException;
    }

    private static void sweepOne(Path recordFile, String kind, List<String> failures, List<SweepReport.Leftover> removed,
            Release release) {
        String name = recordFile.getFileName().toString();
        String id = name.substring(0, name.length() - OwnerRecord.SUFFIX.length());
        OwnerRecord record;
        try {
            record = OwnerRecord.read(recordFile);
        } catch (NoSuchFileException goneMeanwhile) {
            return;
        } catch (IOException | RuntimeException unreadable) {
            failures.add("reading the owner record " + recordFile + ": " + unreadable.getMessage());
            return;
        }
        if (record.owner().isAlive()) {
            return;
        }
        Path directory = recordFile.resolveSibling(id);
        try {
            List<String> released = release.release(id, record, directory);
            Files.deleteIfExists(recordFile);
            removed.add(new SweepReport.Leftover(kind, id, record.purpose(), record.owner(), released));
        } catch (IOException | BerthException e) {
            failures.add("removing the leftover %s %s of pid %d: %s".formatted(kind, id, record.owner().pid(), e.getMessage()));
        }
    }

    private static List<String> releaseContainer(String id, OwnerRecord record, Path bundle,
            Map<SnapshotterLocation, Snapshotter> snapshotters) throws IOException {
        List<String> released = new ArrayList<>();
        if (record.runtime().isPresent() && deleteContainer(id, record.runtime().get())) {
            released.add("runtime container");
        }
        Path rootfs = bundle.resolve("rootfs");
        if (Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS) && TreeRemover.isMountPoint(rootfs)) {
            new MountedRoot(rootfs, Optional.of(rootfs)).close();
            released.add("mount");
        }
        if (record.snapshots().isPresent()) {
            Snapshotter snapshotter = snapshotters.computeIfAbsent(record.snapshots().get(), SnapshotterLocation::open);
            if (snapshotter.list().contains(new SnapshotInfo(id, SnapshotInfo.Kind.ACTIVE))) {
                snapshotter.remove(id);
                released.add("snapshot");
            }
        }
        if (Files.exists(bundle, LinkOption.NOFOLLOW_LINKS)) {
            TreeRemover.delete(bundle);
            released.add("bundle");
        }
        return List.copyOf(released);
    }

    /** Force-deletes the runtime's container if the runtime has state for it; true if there was one. */
    private static boolean deleteContainer(String id, OwnerRecord.RuntimeLocation location) {
        if (!Files.exists(location.stateRoot().resolve(id), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            CommandLineRuntime.of(location.name(), location.executable(), location.stateRoot(), "", false).delete(id, true);
        } catch (NotFoundException alreadyGone) {
            // The runtime's own `run` removed it when the process ended, between the check and the delete.
        }
        return true;
    }

    private static List<String> releaseWorkDirectory(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        TreeRemover.delete(directory);
        return List.of("work directory");
    }

    /** The record files in {@code directory}; temporary ones of dead writers are deleted on the way. */
    private static List<Path> records(Path directory, List<String> failures) {
        List<Path> records = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher temp = TEMP_RECORD.matcher(name);
                if (temp.matches()) {
                    if (ProcessHandle.of(Long.parseLong(temp.group(1))).isEmpty()) {
                        Files.deleteIfExists(entry);
                    }
                } else if (name.endsWith(OwnerRecord.SUFFIX) && !name.startsWith(".")) {
                    records.add(entry);
                }
            }
        } catch (NoSuchFileException nothingYet) {
            return List.of();
        } catch (IOException e) {
            failures.add("listing owner records in " + directory + ": " + e.getMessage());
        }
        return records.stream().sorted().toList();
    }
}
