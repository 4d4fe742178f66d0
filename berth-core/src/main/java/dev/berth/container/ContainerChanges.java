package dev.berth.container;

import dev.berth.layer.LayerEntry;
import java.util.List;
import java.util.Objects;

/**
 * What {@code commit} takes from a container: its record (the image it came from, the process it runs) and the
 * changes of its writable layer as layer entries, read from the snapshot (overlay: the upper directory, a deleted
 * file's character device and an opaque directory's xattr turned into OCI whiteouts) by the same
 * {@link dev.berth.snapshot.Snapshotter#diff} a RUN step's layer comes from.
 */
public record ContainerChanges(ContainerRecord record, List<LayerEntry> entries) {

    public ContainerChanges {
        Objects.requireNonNull(record, "record");
        entries = List.copyOf(entries);
    }

    /** The changes of the container's snapshot; it may run meanwhile (Docker pauses it, Berth does not). */
    static ContainerChanges of(ContainerRecord record) {
        return new ContainerChanges(record, record.snapshots().open().diff(record.id()));
    }
}
