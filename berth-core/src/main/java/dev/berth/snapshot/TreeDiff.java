package dev.berth.snapshot;

import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.EntryType;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes between a lower tree and a copy a container wrote to, found by walking both: a path is new,
 * changed (its metadata differs, or its status changed after {@code preparedAt}, which catches content
 * rewritten in place with the same size and time) or gone (an OCI whiteout, only for the topmost gone path).
 * Paths in {@code madeByInit} that the container left as they were are not changes. Times compare to the
 * second, as copies pass through a tar; the status-change time catches what happens within that second.
 */
record TreeDiff(Path lower, Path upper, FileTime preparedAt, Set<String> madeByInit) {

    TreeDiff {
        madeByInit = Set.copyOf(madeByInit);
    }

    List<LayerEntry> entries() throws IOException {
        Map<String, LayerEntry> before = new HashMap<>();
        if (lower != null) {
            for (LayerEntry entry : DirectoryEntries.of(lower)) {
                before.put(entry.path(), entry);
            }
        }
        List<LayerEntry> after = DirectoryEntries.of(upper);
        Map<String, LayerEntry> afterByPath = new HashMap<>();
        List<LayerEntry> changes = new ArrayList<>();
        for (LayerEntry entry : after) {
            afterByPath.put(entry.path(), entry);
            LayerEntry old = before.get(entry.path());
            if (old == null ? !madeByInit.contains(entry.path()) : changed(old, entry)) {
                changes.add(entry);
            }
        }
        for (LayerEntry gone : before.values()) {
            if (!afterByPath.containsKey(gone.path()) && parentStillADirectory(gone.path(), afterByPath)) {
                changes.add(OverlayUpperEntries.marker(OverlayUpperEntries.sibling(gone.path(),
                        ".wh." + OverlayUpperEntries.name(gone.path())), gone));
            }
        }
        addParentDirectories(changes, afterByPath);
        changes.sort((a, b) -> Arrays.compareUnsigned(a.pathBytes(), b.pathBytes()));
        return List.copyOf(changes);
    }

    /** Every changed path's parents, as an overlay's copy-up puts them in the upper directory. */
    private static void addParentDirectories(List<LayerEntry> changes, Map<String, LayerEntry> afterByPath) {
        Set<String> present = new HashSet<>();
        changes.forEach(c -> present.add(c.path()));
        for (LayerEntry change : List.copyOf(changes)) {
            String path = change.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String parent = path.substring(0, slash);
                if (present.add(parent)) {
                    changes.add(afterByPath.get(parent));
                }
            }
        }
    }

    private boolean changed(LayerEntry old, LayerEntry now) throws IOException {
        if (old.type() != now.type() || old.mode() != now.mode() || old.uid() != now.uid() || old.gid() != now.gid()
                || old.mtime().getEpochSecond() != now.mtime().getEpochSecond() || old.size() != now.size()
                || !old.linkTarget().equals(now.linkTarget()) || old.devMajor() != now.devMajor()
                || old.devMinor() != now.devMinor() || !old.xattrs().equals(now.xattrs())) {
            return true;
        }
        FileTime ctime = (FileTime) Files.getAttribute(upper.resolve(now.path()), "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        return ctime.compareTo(preparedAt) > 0;
    }

    private static boolean parentStillADirectory(String path, Map<String, LayerEntry> afterByPath) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return true;
        }
        LayerEntry parent = afterByPath.get(path.substring(0, slash));
        return parent != null && parent.type() == EntryType.DIRECTORY;
    }
}
