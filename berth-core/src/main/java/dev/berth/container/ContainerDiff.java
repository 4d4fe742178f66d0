package dev.berth.container;

import dev.berth.layer.LayerEntry;
import dev.berth.snapshot.ActiveSnapshot;
import dev.berth.snapshot.RootMount;
import dev.berth.snapshot.Snapshotter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code docker diff}: the container's writable layer as Docker's {@code A}, {@code C} and {@code D} lines. The
 * layer is the same {@link Snapshotter#diff} {@code commit} stores (the overlay's upper directory: copied-up
 * parents of every change are there too, and show as {@code C}); a whiteout is a {@code D}, an opaque directory's
 * marker no line of its own. A path is {@code C} when one of the image's layers has it, else {@code A}, as Docker's
 * overlay driver decides it; lines in the order of a walk of the tree (a directory, then what is in it).
 */
public final class ContainerDiff {

    /** One line of {@code docker diff}. */
    public record Change(Kind kind, String path) {

        public enum Kind { A, C, D }

        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
        }

        public String line() {
            return kind + " " + path;
        }
    }

    private ContainerDiff() {
    }

    public static List<Change> of(ContainerRecord record) {
        Snapshotter snapshots = record.snapshots().open();
        List<LayerEntry> entries = snapshots.diff(record.id());
        List<Path> lowers = List.of();
        String viewKey = "diff-" + record.id() + "-" + UUID.randomUUID();
        ActiveSnapshot view = null;
        try {
            if (record.parent().isPresent()) {
                view = snapshots.view(viewKey, record.parent().get());
                lowers = switch (view.root()) {
                    case RootMount.Overlay overlay -> overlay.lowers();
                    case RootMount.Directory directory -> List.of(directory.path());
                };
            }
            return changes(entries, lowers);
        } finally {
            if (view != null) {
                snapshots.remove(viewKey);
            }
        }
    }

    static List<Change> changes(List<LayerEntry> entries, List<Path> lowers) {
        List<Change> changes = new ArrayList<>();
        for (LayerEntry entry : entries) {
            String path = strip(entry.path());
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            String parent = slash < 0 ? "" : path.substring(0, slash + 1);
            if (name.equals(".wh..wh..opq")) {
                continue;
            }
            if (name.startsWith(".wh.")) {
                changes.add(new Change(Change.Kind.D, "/" + parent + name.substring(4)));
                continue;
            }
            boolean below = lowers.stream().anyMatch(lower -> Files.exists(lower.resolve(path), LinkOption.NOFOLLOW_LINKS));
            changes.add(new Change(below ? Change.Kind.C : Change.Kind.A, "/" + path));
        }
        changes.sort(Comparator.comparing(Change::path, ContainerDiff::walkOrder));
        return List.copyOf(changes);
    }

    private static String strip(String path) {
        String stripped = path.startsWith("./") ? path.substring(2) : path.startsWith("/") ? path.substring(1) : path;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** Component by component: {@code /a}, {@code /a/b}, then {@code /a-b}, as a directory walk meets them. */
    private static int walkOrder(String left, String right) {
        String[] a = left.substring(1).split("/");
        String[] b = right.substring(1).split("/");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int compared = a[i].compareTo(b[i]);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
