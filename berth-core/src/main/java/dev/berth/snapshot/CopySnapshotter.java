package dev.berth.snapshot;

import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots as full copies, for hosts without overlayfs (as Docker's vfs driver): each committed snapshot is
 * the flattened root file system of its chain, an active one a copy of its parent, and its changes are found
 * by walking both ({@link TreeDiff}). Slower and bigger than {@link OverlaySnapshotter}, same results.
 */
public final class CopySnapshotter implements Snapshotter {

    /** Status changes within this long after preparation might share the marker's coarse kernel timestamp. */
    private static final long CLOCK_GRANULARITY_MILLIS = 10;

    private final Path root;
    private final boolean privileged;
    private final SnapshotDirectories dirs;
    private final LayerExtractor extractor;
    private final TreeCopier copier;

    /** Snapshots kept under {@code root} (usually the store's {@code snapshots/copy}). */
    public CopySnapshotter(Path root, boolean privileged) {
        this.root = root;
        this.privileged = privileged;
        this.dirs = new SnapshotDirectories(root);
        this.extractor = new LayerExtractor(ExtractOptions.defaults(privileged));
        this.copier = new TreeCopier(extractor);
    }

    @Override
    public boolean isCommitted(Digest chainId) {
        return dirs.isCommitted(chainId);
    }

    @Override
    public void unpack(Digest chainId, Optional<Digest> parent, String layer, InputStream blob) {
        parent.ifPresent(dirs::chain);
        dirs.create(chainId, parent, fs -> {
            parent.ifPresent(p -> copier.copy(dirs.committedFs(p), fs));
            ChainIds.check(chainId, parent, layer, extractor.extract(layer, blob, fs));
        });
    }

    @Override
    public ActiveSnapshot prepare(String key, Optional<Digest> parent, InitLayer init) {
        Path active = dirs.createActive(key, parent);
        try {
            parent.ifPresent(dirs::chain);
            Path fs = Files.createDirectory(active.resolve("fs"));
            parent.ifPresent(p -> copier.copy(dirs.committedFs(p), fs));
            List<String> made = createKeepingParentTimes(init, fs);
            Files.write(active.resolve("init-made"), made, StandardCharsets.UTF_8);
            Files.createFile(active.resolve("prepared"));
            Thread.sleep(CLOCK_GRANULARITY_MILLIS);
            return new ActiveSnapshot(key, new RootMount.Directory(fs));
        } catch (IOException | RuntimeException | InterruptedException e) {
            remove(key);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException runtime ? runtime
                    : new StoreException("preparing snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ActiveSnapshot reopen(String key) {
        dirs.activeParent(key).orElseThrow(() -> new NotFoundException("no active snapshot " + key));
        return new ActiveSnapshot(key, new RootMount.Directory(dirs.active(key).resolve("fs")));
    }

    @Override
    public ActiveSnapshot view(String key, Digest parent) {
        dirs.createActive(key, Optional.of(parent));
        try {
            dirs.chain(parent);
        } catch (RuntimeException e) {
            remove(key);
            throw e;
        }
        return new ActiveSnapshot(key, new RootMount.Directory(dirs.committedFs(parent)));
    }

    @Override
    public List<LayerEntry> diff(String key) {
        Path active = dirs.active(key);
        try {
            Path lower = SnapshotDirectories.readParent(active).map(dirs::committedFs).orElse(null);
            FileTime preparedAt = (FileTime) Files.getAttribute(active.resolve("prepared"), "unix:ctime");
            Set<String> made = new HashSet<>(Files.readAllLines(active.resolve("init-made"), StandardCharsets.UTF_8));
            return new TreeDiff(lower, active.resolve("fs"), preparedAt, made).entries();
        } catch (IOException e) {
            throw new StoreException("diffing snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(String key, Digest chainId) {
        Path active = dirs.active(key);
        try {
            Optional<Digest> parent = SnapshotDirectories.readParent(active);
            Path fs = active.resolve("fs");
            for (String made : Files.readAllLines(active.resolve("init-made"), StandardCharsets.UTF_8).reversed()) {
                deleteIfUnused(fs.resolve(made));
            }
            dirs.adopt(fs, chainId, parent);
        } catch (IOException e) {
            throw new StoreException("committing snapshot " + key + " as " + chainId + ": " + e.getMessage(), e);
        }
        remove(key);
    }

    @Override
    public void remove(String key) {
        dirs.removeActive(key);
    }

    @Override
    public void removeCommitted(Digest chainId) {
        dirs.removeCommitted(chainId);
    }

    @Override
    public CollectedSnapshots collect(Set<Digest> roots, Instant madeBefore) {
        return SnapshotCollection.collect(dirs, roots, madeBefore);
    }

    @Override
    public List<SnapshotInfo> list() {
        return dirs.list();
    }

    @Override
    public SnapshotterLocation location() {
        return new SnapshotterLocation(SnapshotterLocation.COPY, root, privileged);
    }

    /** Makes the init paths without touching the times of the directories they go into, so those are no change. */
    private static List<String> createKeepingParentTimes(InitLayer init, Path fs) throws IOException {
        Map<Path, FileTime> times = new LinkedHashMap<>();
        for (String path : init.directories()) {
            rememberParentTimes(fs, path, times);
        }
        for (String path : init.files()) {
            rememberParentTimes(fs, path, times);
        }
        List<String> made = init.createIn(fs, new InitLayer.ImageLookup() {
            @Override
            public Optional<InitLayer.Kind> kind(String relative) throws IOException {
                return LowerLookup.lstatInside(fs, relative).map(CopySnapshotter::kindOf);
            }

            @Override
            public Optional<String> linkTarget(String relative) throws IOException {
                // The copy is the image itself: a link is read where it lies, no component followed.
                return LowerLookup.lstatInside(fs, relative).filter(BasicFileAttributes::isSymbolicLink).isPresent()
                        ? Optional.of(Files.readSymbolicLink(fs.resolve(relative)).toString()) : Optional.empty();
            }
        });
        for (var entry : times.entrySet()) {
            Files.getFileAttributeView(entry.getKey(), BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setTimes(entry.getValue(), null, null);
        }
        return made;
    }

    private static void rememberParentTimes(Path fs, String path, Map<Path, FileTime> times) throws IOException {
        Path dir = fs;
        times.putIfAbsent(dir, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            times.putIfAbsent(dir, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static InitLayer.Kind kindOf(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? InitLayer.Kind.DIRECTORY
                : attributes.isSymbolicLink() ? InitLayer.Kind.SYMLINK : InitLayer.Kind.OTHER;
    }

    private static void deleteIfUnused(Path made) throws IOException {
        if (!Files.exists(made, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(made, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean empty = attributes.isDirectory() ? isEmptyDirectory(made) : attributes.isRegularFile() && attributes.size() == 0;
        if (empty) {
            Files.delete(made);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
