package dev.berth.engine.copy;

import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.error.StepInputException;
import dev.berth.layer.ContainerPathResolver;
import dev.berth.layer.EntryType;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where COPY, ADD and WORKDIR put things in a stage's file system, as BuildKit's file operations do on the
 * stage's mounted root: paths are resolved through the stage's own symlinks (Debian's {@code /bin -> usr/bin},
 * {@code /var/run -> /run}), a directory that exists is left exactly as it is (owner, mode, extended
 * attributes: {@code /tmp} stays 1777), and only missing directories are made. Existing parents still go into
 * the layer, with what the layers below recorded, as a snapshot's copy-up keeps them, so that an extractor
 * that makes missing parents with its own defaults never gets to.
 *
 * @param tree the stage's paths, from its layers' headers
 */
public record StagePaths(RootfsAttributes tree) {

    /** The directories leading to (and including) a path: their entries, and whether any was missing. */
    public record DirectoryChain(List<LayerEntry> entries, boolean madeAny) {}

    /** The components an absolute or relative container path resolves to, every symlink followed. */
    public List<String> resolve(String path, String what) {
        try {
            return ContainerPathResolver.resolve(path, candidate -> tree.of(candidate)
                    .filter(found -> found.type() == EntryType.SYMLINK).map(RootfsAttributes.Attributes::linkTarget),
                    ContainerPathResolver.OnTooManyLinks.FAIL);
        } catch (IOException e) {
            throw new StepInputException(what + ": " + e.getMessage());
        }
    }

    /**
     * A step's entries placed in the stage: each path (and each hard link's target) with its parents resolved
     * through the stage's symlinks (the last component is kept, so a symlink the step writes replaces the one
     * there), and every parent directory added, as {@link #directories} gives them,
     * unless the step writes that directory itself. Sorted as {@link dev.berth.layer.LayerWriter} takes them.
     */
    public List<LayerEntry> place(Collection<LayerEntry> entries, String destination, Ownership owner, Instant created,
            String what) {
        Map<String, LayerEntry> placed = new TreeMap<>(CopyStepExecutor::compareBytes);
        // A COPY of many files has few directories: each is resolved once.
        Map<String, String> resolvedDirectories = new HashMap<>();
        Function<String, String> place = path -> {
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                return path;
            }
            String directory = resolvedDirectories.computeIfAbsent(path.substring(0, slash),
                    written -> String.join("/", resolve(written, what)));
            return directory.isEmpty() ? path.substring(slash + 1) : directory + path.substring(slash);
        };
        for (LayerEntry entry : entries) {
            LayerEntry moved = entry.withPath(place.apply(entry.path()));
            if (entry.type() == EntryType.DIRECTORY) {
                moved = ontoDirectory(moved, entry.path().equals(destination), what);
            }
            if (entry.type() == EntryType.HARDLINK) {
                moved = moved.asHardlinkTo(place.apply(entry.linkTarget()));
            }
            placed.put(moved.path(), moved);
        }
        Map<String, LayerEntry> parents = new HashMap<>();
        for (String path : placed.keySet()) {
            int slash = path.lastIndexOf('/');
            if (slash > 0 && !parents.containsKey(path.substring(0, slash))) {
                directories(List.of(path.substring(0, slash).split("/")), owner, created, what).entries()
                        .forEach(directory -> parents.putIfAbsent(directory.path(), directory));
            }
        }
        parents.forEach(placed::putIfAbsent);
        return List.copyOf(placed.values());
    }

    /**
     * A directory the step writes where the stage has a directory, or a symlink to one (COPY conf/ /bin/ on
     * Debian): written at the directory the link leads to, so the link stays; the step's own destination keeps
     * the owner, mode and attributes it has (BuildKit leaves the top of the destination alone: /tmp stays 1777),
     * directories below it take the source's, as BuildKit copies them.
     */
    private LayerEntry ontoDirectory(LayerEntry entry, boolean isDestination, String what) {
        String resolved = String.join("/", resolve(entry.path(), what));
        Optional<RootfsAttributes.Attributes> existing = resolved.isEmpty() ? Optional.empty() : tree.of(resolved);
        if (existing.isEmpty() || existing.get().type() != EntryType.DIRECTORY) {
            return entry;
        }
        LayerEntry moved = entry.withPath(resolved);
        if (!isDestination) {
            return moved;
        }
        RootfsAttributes.Attributes kept = existing.get();
        return LayerEntry.directory(resolved, kept.mode(), entry.mtime()).withOwner(kept.uid(), kept.gid())
                .withXattrs(kept.xattrs());
    }

    /** Whether the container path {@code path} leads to a directory of the stage, symlinks followed. */
    public boolean isDirectory(String path, String what) {
        String resolved = String.join("/", resolve(path, what));
        return resolved.isEmpty() || tree.of(resolved).filter(found -> found.type() == EntryType.DIRECTORY).isPresent();
    }

    /**
     * The directory entries for {@code components} (already resolved): existing directories as recorded,
     * missing ones mode 0755 owned by {@code owner}.
     *
     * @throws StepInputException when a component exists and is no directory
     */
    public DirectoryChain directories(List<String> components, Ownership owner, Instant created, String what) {
        List<LayerEntry> entries = new ArrayList<>();
        boolean missing = false;
        for (int i = 0; i < components.size(); i++) {
            String prefix = String.join("/", components.subList(0, i + 1));
            Optional<RootfsAttributes.Attributes> found = missing ? Optional.empty() : tree.of(prefix);
            if (found.isEmpty()) {
                missing = true;
                entries.add(LayerEntry.directory(prefix, 0755, created).withOwner(owner.uid(), owner.gid()));
                continue;
            }
            RootfsAttributes.Attributes directory = found.get();
            if (directory.type() != EntryType.DIRECTORY) {
                throw new StepInputException(what + ": /" + prefix + " exists in the image and is not a directory",
                        Optional.of("remove or rename /" + prefix + " in an earlier step, or choose another path"));
            }
            entries.add(LayerEntry.directory(prefix, directory.mode(), created)
                    .withOwner(directory.uid(), directory.gid()).withXattrs(directory.xattrs()));
        }
        return new DirectoryChain(List.copyOf(entries), missing);
    }
}
