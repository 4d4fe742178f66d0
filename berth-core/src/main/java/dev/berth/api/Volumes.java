package dev.berth.api;

import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerRecord;
import dev.berth.container.ContainerRecords;
import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code berth volume create|ls|inspect|rm|prune}: Docker's local volumes in the store's {@code volumes/}, reached
 * with {@link Berth#volumes()}. A volume that a container's record names (running or not) is in use: it cannot be
 * removed or pruned. A foreground {@code berth run} has no record, so a volume it uses is not seen as in use.
 */
public final class Volumes {

    private final VolumeStore store;
    private final ContainerRecords containers;

    Volumes(VolumeStore store, ContainerRecords containers) {
        this.store = store;
        this.containers = containers;
    }

    /**
     * {@code volume create [--label K=V] [NAME]}: the volume (an existing one of that name is returned as it is, as
     * Docker does), or a new anonymous one when no name is given.
     */
    public VolumeSummary create(Optional<String> name, Map<String, String> labels) {
        return summary(store.create(name, labels).volume());
    }

    /** {@code volume ls}, by name. */
    public List<VolumeSummary> list() {
        return store.list().stream().map(Volumes::summary).toList();
    }

    /** @throws NotFoundException {@code get NAME: no such volume} */
    public VolumeSummary inspect(String name) {
        return summary(store.find(name));
    }

    /** The IDs of the containers whose records mount the volume, oldest first. */
    public List<String> usedBy(String name) {
        return containers.all().stream()
                .filter(record -> record.mounts().stream().anyMatch(mount -> mount.usesVolume(name)))
                .map(ContainerRecord::id).toList();
    }

    /**
     * {@code volume rm [-f] NAME}: refused while a container uses it; {@code force} only makes a missing volume no
     * error, as Docker's {@code -f}.
     *
     * @throws ConflictException {@code remove NAME: volume is in use - [ID, ...]}
     */
    public void remove(String name, boolean force) {
        try {
            store.find(name);
        } catch (NotFoundException missing) {
            if (force) {
                return;
            }
            throw missing;
        }
        List<String> users = usedBy(name);
        if (!users.isEmpty()) {
            throw new ConflictException("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
        }
        store.remove(name);
    }

    /** {@code volume prune [-a]}: the unused anonymous volumes, or with {@code all} every unused one (Docker 23+). */
    public VolumePruneReport prune(boolean all) {
        store.sweepRemovals();
        List<String> used = containers.all().stream().flatMap(record -> record.mounts().stream())
                .filter(mount -> mount.type() == ContainerMount.Type.VOLUME).map(mount -> mount.name().orElseThrow())
                .toList();
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        for (Volume volume : store.list()) {
            if ((all || volume.anonymous()) && !used.contains(volume.name())) {
                long size = size(volume.mountpoint());
                try {
                    store.remove(volume.name());
                    removed.add(volume.name());
                    bytes += size;
                } catch (NotFoundException removedMeanwhile) {
                    // Another prune or rm took it.
                }
            }
        }
        return new VolumePruneReport(removed, bytes);
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.mapToLong(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    return attributes.isRegularFile() ? attributes.size() : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static VolumeSummary summary(Volume volume) {
        return VolumeSummary.of(volume.name(), volume.driver(), volume.mountpoint(), volume.labels(), volume.createdAt());
    }
}
