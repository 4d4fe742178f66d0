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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots as overlayfs layers, as Docker's overlay2 and containerd's overlayfs keep them: each committed
 * snapshot is one extracted layer in overlay form (whiteouts as 0/0 character devices, opaque directories
 * marked with {@code trusted.overlay.opaque}); an active one adds an init directory (the runtime's mount
 * points) and an upper and work directory, and its changes are exactly its upper directory. Needs root
 * (device nodes, {@code trusted.} attributes, {@code mount(2)}).
 */
public final class OverlaySnapshotter implements Snapshotter {

    private final Path root;
    private final SnapshotDirectories dirs;
    private final LayerExtractor extractor;
    private final int maxOptionsBytes;

    /** Snapshots kept under {@code root} (usually the store's {@code snapshots/overlay}). */
    public OverlaySnapshotter(Path root) {
        this(root, LinuxMounts.MAX_OPTIONS_BYTES);
    }

    /** With a smaller limit on the mount options, to test flattening without a hundred layers. */
    OverlaySnapshotter(Path root, int maxOptionsBytes) {
        this.root = root;
        this.dirs = new SnapshotDirectories(root);
        this.extractor = new LayerExtractor(ExtractOptions.defaults(true).withWhiteouts(ExtractOptions.WhiteoutMode.OVERLAY));
        this.maxOptionsBytes = maxOptionsBytes;
    }

    @Override
    public boolean isCommitted(Digest chainId) {
        return dirs.isCommitted(chainId);
    }

    @Override
    public void unpack(Digest chainId, Optional<Digest> parent, String layer, InputStream blob) {
        parent.ifPresent(dirs::chain);
        dirs.create(chainId, parent, fs -> ChainIds.check(chainId, parent, layer, extractor.extract(layer, blob, fs)));
    }

    @Override
    public ActiveSnapshot prepare(String key, Optional<Digest> parent, InitLayer init) {
        Path active = dirs.createActive(key, parent);
        try {
            List<Path> layers = parent.map(this::lowerDirs).orElse(List.of());
            Path initDir = Files.createDirectory(active.resolve("init"));
            init.createIn(initDir, new LowerLookup(layers));
            Files.createDirectory(active.resolve("upper"));
            Files.createDirectory(active.resolve("work"));
            return new ActiveSnapshot(key, overlay(active, parent, layers));
        } catch (IOException | RuntimeException e) {
            remove(key);
            throw e instanceof IOException io ? new StoreException("preparing snapshot " + key + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    @Override
    public ActiveSnapshot reopen(String key) {
        Optional<Digest> parent = dirs.activeParent(key)
                .orElseThrow(() -> new NotFoundException("no active snapshot " + key));
        Path active = dirs.active(key);
        if (!Files.isDirectory(active.resolve("upper")) || !Files.isDirectory(active.resolve("work"))) {
            throw new StoreException("reopening snapshot " + key + ": its upper or work directory is missing");
        }
        return new ActiveSnapshot(key, overlay(active, parent, parent.map(this::lowerDirs).orElse(List.of())));
    }

    /** The init layer and {@code layers} below the active snapshot's upper directory; flattened past the page. */
    private RootMount.Overlay overlay(Path active, Optional<Digest> parent, List<Path> layers) {
        Path initDir = active.resolve("init");
        Optional<Path> upper = Optional.of(active.resolve("upper"));
        Optional<Path> work = Optional.of(active.resolve("work"));
        List<Path> lowers = new ArrayList<>();
        lowers.add(initDir);
        lowers.addAll(layers);
        var overlay = new RootMount.Overlay(lowers, upper, work);
        if (layers.size() > 1 && overlay.options().getBytes(StandardCharsets.UTF_8).length > maxOptionsBytes) {
            overlay = new RootMount.Overlay(List.of(initDir, flattened(parent.orElseThrow(), layers)), upper, work);
        }
        return overlay;
    }

    @Override
    public ActiveSnapshot view(String key, Digest parent) {
        dirs.createActive(key, Optional.of(parent));
        List<Path> layers;
        try {
            layers = lowerDirs(parent);
        } catch (RuntimeException e) {
            remove(key);
            throw e;
        }
        // overlayfs wants two lower directories when there is no upper one; a single layer is its own view.
        RootMount root = layers.size() == 1 ? new RootMount.Directory(layers.getFirst())
                : new RootMount.Overlay(layers, Optional.empty(), Optional.empty());
        return new ActiveSnapshot(key, root);
    }

    @Override
    public List<LayerEntry> diff(String key) {
        Path upper = dirs.active(key).resolve("upper");
        if (!Files.isDirectory(upper)) {
            throw new StoreException("diffing snapshot " + key + ": it is not a prepared snapshot");
        }
        return OverlayUpperEntries.of(upper);
    }

    @Override
    public void commit(String key, Digest chainId) {
        Path active = dirs.active(key);
        try {
            Optional<Digest> parent = SnapshotDirectories.readParent(active);
            dirs.adopt(active.resolve("upper"), chainId, parent);
        } catch (IOException e) {
            throw new StoreException("committing snapshot " + key + " as " + chainId + ": " + e.getMessage(), e);
        }
        remove(key);
    }

    @Override
    public void remove(String key) {
        Path merged = dirs.active(key).resolve("merged");
        try {
            LinuxMounts.unmount(merged);
        } catch (IOException e) {
            throw new StoreException("removing snapshot " + key + ": " + e.getMessage(), e);
        }
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
        return new SnapshotterLocation(SnapshotterLocation.OVERLAY, root, true);
    }

    /**
     * The chain applied into one directory, for chains whose lower directories do not fit in the mount
     * options' page: each layer's directory, read back as OCI entries, is applied bottom-up.
     */
    private Path flattened(Digest top, List<Path> layers) {
        TreeCopier copier = new TreeCopier(new LayerExtractor(ExtractOptions.defaults(true)));
        return dirs.flattened(top, fs -> {
            for (Path layer : layers.reversed()) {
                copier.apply(OverlayUpperEntries.of(layer), "layer " + layer.getParent().getFileName(), fs);
            }
        });
    }

    /** The layer directories of {@code top}'s chain, topmost first, as overlayfs lists lower directories. */
    private List<Path> lowerDirs(Digest top) {
        return dirs.chain(top).stream().map(dirs::committedFs).toList();
    }
}
