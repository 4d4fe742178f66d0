package dev.berth.snapshot;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A root file system ready for a container at {@code path}; closing it unmounts what was mounted for it.
 * Closing twice is harmless.
 */
public record MountedRoot(Path path, Optional<Path> mountPoint) implements AutoCloseable {

    public MountedRoot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mountPoint, "mountPoint");
    }

    /** Makes {@code root} available: an overlay is mounted at {@code target}; a directory is used as it is. */
    public static MountedRoot mount(RootMount root, Path target) {
        return switch (root) {
            case RootMount.Directory directory -> new MountedRoot(directory.path(), Optional.empty());
            case RootMount.Overlay overlay -> {
                try {
                    LinuxMounts.mountOverlay(overlay.options(), target);
                } catch (IOException e) {
                    throw new StoreException("mounting a root file system at " + target + ": " + e.getMessage(), e);
                }
                yield new MountedRoot(target, Optional.of(target));
            }
        };
    }

    @Override
    public void close() {
        if (mountPoint.isEmpty()) {
            return;
        }
        try {
            LinuxMounts.unmount(mountPoint.get());
        } catch (IOException e) {
            throw new StoreException("unmounting the root file system at " + mountPoint.get() + ": " + e.getMessage(), e);
        }
    }
}
