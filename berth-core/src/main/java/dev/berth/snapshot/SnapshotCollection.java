package dev.berth.snapshot;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes committed snapshots nothing needs: not named by the caller's roots (the chains of the stored images and
 * of the build cache's entries), not below one of them, not below an active snapshot (a running RUN step, a view, a
 * container), and not made after {@code madeBefore} (a step that just committed its snapshot records the cache entry
 * that names it a moment later). An active snapshot records its parent before it reads the chain below it
 * ({@link SnapshotDirectories#createActive}), so a chain in use is never taken from under it; one whose parent is
 * not yet readable stops the collection, which keeps everything rather than guess.
 */
final class SnapshotCollection {

    private SnapshotCollection() {
    }

    static CollectedSnapshots collect(SnapshotDirectories dirs, Set<Digest> roots, Instant madeBefore) {
        List<Digest> committed = dirs.committedIds();
        Deque<Digest> pending = new ArrayDeque<>();
        for (String key : dirs.activeKeys()) {
            Optional<Optional<Digest>> parent = dirs.activeParent(key);
            if (parent.isEmpty()) {
                if (dirs.activeKeys().contains(key)) {
                    return new CollectedSnapshots(List.of(),
                            Optional.of("snapshot " + key + " is being made; nothing removed"));
                }
                continue;
            }
            parent.get().ifPresent(pending::add);
        }
        for (Digest id : committed) {
            boolean recent = dirs.committedAt(id).map(made -> !made.isBefore(madeBefore)).orElse(false);
            if (roots.contains(id) || recent) {
                pending.add(id);
            }
        }
        Set<Digest> kept = new HashSet<>();
        while (!pending.isEmpty()) {
            Digest id = pending.pop();
            if (kept.add(id) && dirs.isCommitted(id)) {
                dirs.parentOf(id).ifPresent(pending::add);
            }
        }
        List<Digest> removed = new ArrayList<>();
        for (Digest id : committed) {
            if (!kept.contains(id)) {
                dirs.removeCommitted(id);
                removed.add(id);
            }
        }
        return new CollectedSnapshots(removed, Optional.empty());
    }
}
