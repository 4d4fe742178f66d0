package dev.berth.snapshot;

import dev.berth.image.Digest;
import dev.berth.layer.LayerEntry;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Root file systems for containers, made of layers. Committed snapshots are immutable, named by chain ID
 * ({@link ChainIds}) and shared; active snapshots have a key and belong to one container. Every method is
 * safe to call from several threads and processes: a committed snapshot appears whole (it is made in a
 * temporary directory and renamed) or not at all, and what a killed process left half-made is swept.
 *
 * <p>Every failure is a {@link dev.berth.error.StoreException} naming the snapshot.
 */
public interface Snapshotter {

    /** Whether the committed snapshot {@code chainId} exists. */
    boolean isCommitted(Digest chainId);

    /**
     * Makes the committed snapshot {@code chainId} by applying the layer {@code blob} on {@code parent}, unless
     * it exists already (then {@code blob} is not read).
     *
     * @param layer how messages name the layer, usually its digest
     */
    void unpack(Digest chainId, Optional<Digest> parent, String layer, InputStream blob);

    /**
     * A writable snapshot on top of {@code parent} (or empty), with the mount points of {@code init} made below
     * its writable part so that they never appear in {@link #diff}.
     */
    ActiveSnapshot prepare(String key, Optional<Digest> parent, InitLayer init);

    /**
     * The writable snapshot {@code key}, prepared earlier, as it is now (its changes kept): how to mount it again
     * once its mount is gone (the host restarted).
     *
     * @throws dev.berth.error.NotFoundException when there is no such active snapshot
     */
    ActiveSnapshot reopen(String key);

    /** A read-only snapshot of {@code parent}. */
    ActiveSnapshot view(String key, Digest parent);

    /**
     * What the container changed in the active snapshot {@code key}, as layer entries sorted for
     * {@link dev.berth.layer.LayerWriter}: added and changed paths, and an OCI whiteout ({@code .wh.NAME}) for
     * each removed one; nothing the init layer made.
     */
    List<LayerEntry> diff(String key);

    /** Turns the active snapshot {@code key} into the committed snapshot {@code chainId} (and removes {@code key}). */
    void commit(String key, Digest chainId);

    /** Removes the active snapshot {@code key}; removing a missing one is not an error. */
    void remove(String key);

    /** Removes the committed snapshot {@code chainId}; the caller knows no active snapshot builds on it. */
    void removeCommitted(Digest chainId);

    /**
     * Removes the committed snapshots that are not in {@code roots}, not below one of them or below an active
     * snapshot, and were made before {@code madeBefore}: what {@code berth image prune}, {@code rmi} and
     * {@code builder prune} call after the store's own collection, with the chains of what the store keeps.
     */
    CollectedSnapshots collect(Set<Digest> roots, Instant madeBefore);

    /** Every snapshot, committed ones first, each group sorted by name. */
    List<SnapshotInfo> list();

    /** How to open this snapshotter again, from this process or another. */
    SnapshotterLocation location();
}
