package dev.berth.container.copy;

import dev.berth.container.ContainerDirectory;
import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerPhase;
import dev.berth.container.ContainerPhases;
import dev.berth.container.ContainerRecord;
import dev.berth.error.ExecutionException;
import dev.berth.layer.TreeRemover;
import dev.berth.snapshot.SnapshotterLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The directories a container's paths are resolved in, each held open. A running container's is its own root as
 * the kernel shows it ({@code /proc/PID/root}): its mounts, volumes and binds included, exactly what its processes
 * see. A stopped or created one has no mount namespace left: its overlay root ({@link ContainerDirectory#rootfs()},
 * mounted until {@code rm}), and for a path under one of its bind or volume mounts the mount's host directory, as
 * Docker's daemon mounts them for {@code cp}; every path is then resolved inside that directory, so a symlink in a
 * volume can no more reach the host than one in the root file system can.
 */
final class ContainerRoot implements AutoCloseable {

    /** Where a path is: the directory it is below and its path there ({@code "."} for the directory itself). */
    record Located(int fd, String relative) {

        /** The same path as a writer's directory: {@code ""} for the directory itself. */
        String directory() {
            return relative.equals(".") ? "" : relative;
        }
    }

    private record Mounted(List<String> target, OpenFile directory) {
    }

    private final String name;
    private final OpenFile root;
    private final List<Mounted> mounts;

    private ContainerRoot(String name, OpenFile root, List<Mounted> mounts) {
        this.name = name;
        this.root = root;
        this.mounts = mounts;
    }

    static ContainerRoot open(ContainerRecord record, ContainerDirectory directory) throws IOException {
        if (ContainerPhases.read(record, directory) instanceof ContainerPhase.Running running) {
            String proc = "/proc/" + running.pid() + "/root";
            return new ContainerRoot(record.name(), new OpenFile(directoryFd(proc), proc), List.of());
        }
        Path rootfs = requireMounted(record, directory);
        OpenFile root = new OpenFile(directoryFd(rootfs.toString()), rootfs.toString());
        List<Mounted> mounts = new ArrayList<>();
        try {
            for (ContainerMount mount : record.mounts()) {
                if (mount.hostPath().isPresent() && mount.type() != ContainerMount.Type.TMPFS) {
                    String host = mount.hostPath().get().toString();
                    if (Files.isDirectory(mount.hostPath().get())) {
                        mounts.add(new Mounted(CopyPath.parse(mount.target()).components(),
                                new OpenFile(directoryFd(host), host)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            mounts.forEach(m -> m.directory().close());
            root.close();
            throw e;
        }
        mounts.sort(Comparator.comparingInt((Mounted m) -> m.target().size()).reversed());
        return new ContainerRoot(record.name(), root, List.copyOf(mounts));
    }

    /** The overlay root, refused when it is not mounted (after a reboot) rather than read as an empty directory. */
    static Path requireMounted(ContainerRecord record, ContainerDirectory directory) throws IOException {
        Path rootfs = directory.rootfs();
        if (record.snapshots().kind().equals(SnapshotterLocation.OVERLAY)
                && (!Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS) || !TreeRemover.isMountPoint(rootfs))) {
            throw new ExecutionException(("container %s: its root file system is no longer mounted (did the host "
                    + "restart?)").formatted(record.name()));
        }
        return rootfs;
    }

    private static int directoryFd(String path) throws IOException {
        return FdCalls.openat(-1, path, FdCalls.O_PATH | FdCalls.O_DIRECTORY | FdCalls.O_CLOEXEC, 0);
    }

    String name() {
        return name;
    }

    /** The directory {@code path} is resolved in: the deepest mount its spelling is under, else the root. */
    Located locate(CopyPath path) {
        List<String> components = path.components();
        for (Mounted mount : mounts) {
            List<String> target = mount.target();
            if (components.size() >= target.size() && components.subList(0, target.size()).equals(target)) {
                List<String> rest = components.subList(target.size(), components.size());
                return new Located(mount.directory().fd(), rest.isEmpty() ? "." : String.join("/", rest));
            }
        }
        return new Located(root.fd(), path.relative());
    }

    @Override
    public void close() {
        mounts.forEach(m -> m.directory().close());
        root.close();
    }
}
