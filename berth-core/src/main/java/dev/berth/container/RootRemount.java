package dev.berth.container;

import dev.berth.error.BerthException;
import dev.berth.error.ExecutionException;
import dev.berth.snapshot.MountedRoot;
import dev.berth.snapshot.SnapshotterLocation;
import dev.berth.layer.TreeRemover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A stopped container's root file system, mounted again before {@code start} when its mount is gone: the host
 * restarted (mounts live in the kernel, the snapshot's directories on disk), or someone unmounted it. The
 * container's snapshot is reopened as it is, so what it changed before stays; its bundle, record and volumes are
 * on disk too, and {@code start} sets its networks up again as it always does.
 */
final class RootRemount {

    private RootRemount() {
    }

    static void ensureMounted(ContainerRecord record, ContainerDirectory directory) {
        if (!record.snapshots().kind().equals(SnapshotterLocation.OVERLAY)) {
            return;
        }
        Path rootfs = directory.rootfs();
        try {
            if (Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS) && TreeRemover.isMountPoint(rootfs)) {
                return;
            }
            Files.createDirectories(rootfs);
        } catch (IOException e) {
            throw new ExecutionException("starting container " + record.name() + ": " + e.getMessage(), e);
        }
        try {
            MountedRoot.mount(record.snapshots().open().reopen(record.id()).root(), rootfs);
        } catch (BerthException e) {
            throw new ExecutionException("starting container %s: mounting its root file system again (its mount was "
                    + "gone: did the host restart?): %s".formatted(record.name(), e.getMessage()), e);
        }
    }
}
